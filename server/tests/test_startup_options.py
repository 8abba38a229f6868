"""The command's startup options by their effect: PORT and --port, --host, --max-input-bytes and the
environment variables, and bad values, which stop the server at once with exit status 2."""

from __future__ import annotations

import http.client
import json
import os
import socket
import subprocess
from pathlib import Path

import pytest
from fast_diff_mcp.cli import main
from servers import call_body, call_headers, command, free_port, http_server, stop, wait_for_port


def call(host: str, port: int, original: str, modified: str) -> dict[str, object]:
    connection = http.client.HTTPConnection(host, port, timeout=60)
    try:
        body = call_body("diff", {"original_text": original, "modified_text": modified})
        connection.request("POST", "/mcp", body=body, headers=call_headers("diff"))
        result: dict[str, object] = json.loads(connection.getresponse().read())["result"]
        return result
    finally:
        connection.close()


def test_port_from_the_environment_and_the_option_that_wins(tmp_path: Path) -> None:
    from_env, from_option = free_port(), free_port()
    log = tmp_path / "log"
    for argv, port in (([], from_env), (["--port", str(from_option)], from_option)):
        with log.open("wb") as out:
            process = subprocess.Popen(
                command("--transport", "http", *argv), env={**os.environ, "PORT": str(from_env)}, stdout=out, stderr=out
            )
        try:
            wait_for_port("127.0.0.1", port, process, log)
            assert call("127.0.0.1", port, "a\n", "b\n")["structuredContent"]["lines_added"] == 1  # type: ignore[index]
        finally:
            stop(process)


def test_host_is_the_address_listened_on(tmp_path: Path) -> None:
    with http_server(tmp_path, host="127.0.0.2") as server:
        assert call("127.0.0.2", server.port, "a\n", "b\n")["isError"] is False
        with pytest.raises(OSError):
            socket.create_connection(("127.0.0.1", server.port), timeout=2).close()


def test_the_input_limit_from_the_option_or_the_environment(tmp_path: Path) -> None:
    for args, env in ((["--max-input-bytes", "1000"], {}), ([], {"FAST_DIFF_MAX_INPUT_BYTES": "1_000"})):
        with http_server(tmp_path, *args, env=env) as server:
            over = call(server.host, server.port, "x" * 600, "y" * 401)
            assert over["isError"] is True and "limit of 1,000 bytes" in over["content"][0]["text"]  # type: ignore[index]
            assert call(server.host, server.port, "x" * 600, "y" * 400)["isError"] is False


@pytest.mark.parametrize(
    ("argv", "env", "said"),
    [
        (["--max-input-bytes", "lots"], {}, "--max-input-bytes must be a whole number of bytes, not 'lots'"),
        (["--max-input-bytes", "0"], {}, "--max-input-bytes must be a positive number of bytes, not 0"),
        (["--max-input-bytes", "-5"], {}, "--max-input-bytes must be a positive number of bytes, not -5"),
        (["--max-input-bytes", "1.5"], {}, "--max-input-bytes must be a whole number of bytes, not '1.5'"),
        ([], {"FAST_DIFF_MAX_INPUT_BYTES": "64MiB"}, "FAST_DIFF_MAX_INPUT_BYTES must be a whole number of bytes, not '64MiB'"),
        (["--max-output-chars", "0"], {}, "--max-output-chars must be a positive number of characters, not 0"),
        (["--deadline-ms", "soon"], {}, "--deadline-ms must be a whole number of milliseconds, not 'soon'"),
        ([], {"FAST_DIFF_DEADLINE_MS": "-1"}, "FAST_DIFF_DEADLINE_MS must be a positive number of milliseconds, not -1"),
        (["--heavy-workers", "0"], {}, "--heavy-workers must be a positive number of workers, not 0"),
        (["--session-idle-timeout", "0"], {}, "--session-idle-timeout must be a positive number of seconds, not 0"),
        (["--transport", "http", "--port", "70000"], {}, "--port must be between 0 and 65535, not 70000"),
        (["--transport", "http", "--port", "eighty"], {}, "--port must be a port number, not 'eighty'"),
        (["--transport", "http"], {"PORT": "http"}, "PORT must be a port number, not 'http'"),
        (["--transport", "http"], {"PORT": "-1"}, "PORT must be between 0 and 65535, not -1"),
    ],
)
def test_bad_values_stop_the_server_with_a_message_and_status_2(
    argv: list[str], env: dict[str, str], said: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert captured.err == f"fast-diff-mcp: {said}\n" and captured.out == ""


def test_the_command_exits_2_on_a_bad_value() -> None:
    result = subprocess.run(command("--deadline-ms", "0"), capture_output=True, text=True, timeout=120)
    assert (result.returncode, result.stderr, result.stdout) == (
        2, "fast-diff-mcp: --deadline-ms must be a positive number of milliseconds, not 0\n", "",
    )
