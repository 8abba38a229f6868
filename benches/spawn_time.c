/*
 * Runs a command once with its standard output sent to /dev/null (or to
 * FILE with -o) and prints "WALL_NS PEAK_RSS_KB EXIT_STATUS" on standard
 * error: the timer for whole processes of tools.py and worst_cases.py.
 * Started from this small program rather than from Python, the child's peak
 * resident memory (ru_maxrss, which counts the time before exec) is the
 * command's own and not the Python parent's. With -t, a command still
 * running after SECONDS is killed, and its status is printed as "timeout".
 * Usage: spawn_time [-o FILE] [-t SECONDS] COMMAND [ARGS...]
 */
#define _POSIX_C_SOURCE 200809L
#define _DEFAULT_SOURCE /* wait4 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t timed_out = 0;
static pid_t child = 0;

static void on_alarm(int signal_number) {
  (void)signal_number;
  timed_out = 1;
  if (child > 0) kill(child, SIGKILL);
}

int main(int argc, char **argv) {
  const char *output = "/dev/null";
  unsigned timeout_s = 0;
  int first = 1;
  while (first + 1 < argc && argv[first][0] == '-' && argv[first][1] != '\0' && argv[first][2] == '\0') {
    if (argv[first][1] == 'o') {
      output = argv[first + 1];
    } else if (argv[first][1] == 't') {
      timeout_s = (unsigned)strtoul(argv[first + 1], NULL, 10);
    } else {
      break;
    }
    first += 2;
  }
  if (first >= argc) {
    fprintf(stderr, "usage: %s [-o FILE] [-t SECONDS] COMMAND [ARGS...]\n", argv[0]);
    return 2;
  }
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = on_alarm;
  sigaction(SIGALRM, &action, NULL);
  struct timespec start, end;
  clock_gettime(CLOCK_MONOTONIC, &start);
  child = fork();
  if (child < 0) return 2;
  if (child == 0) {
    int sink = open(output, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (sink < 0 || dup2(sink, STDOUT_FILENO) < 0) _exit(127);
    execvp(argv[first], argv + first);
    _exit(127);
  }
  if (timeout_s > 0) alarm(timeout_s);
  int status = 0;
  struct rusage usage;
  pid_t waited;
  while ((waited = wait4(child, &status, 0, &usage)) < 0 && errno == EINTR) {
  }
  if (waited != child) return 2;
  clock_gettime(CLOCK_MONOTONIC, &end);
  long long ns = (long long)(end.tv_sec - start.tv_sec) * 1000000000LL + (end.tv_nsec - start.tv_nsec);
  if (timed_out) {
    fprintf(stderr, "%lld %ld timeout\n", ns, usage.ru_maxrss);
  } else {
    fprintf(stderr, "%lld %ld %d\n", ns, usage.ru_maxrss,
            WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
  }
  return 0;
}
