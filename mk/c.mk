# C and C++ programs against the header: the tests in tests/c (shared
# library), the C++ RAII example in bindings/c (static library), and the
# header compiled alone as C99 and as C++11.

.PHONY: c test-c

# Every tests/c/test_*.c is a test program.
C_TESTS    := $(basename $(notdir $(wildcard tests/c/test_*.c)))
C_PROGRAMS := $(addprefix $(BUILD)/,$(C_TESTS)) $(BUILD)/example_cpp

c: $(C_PROGRAMS) ## the C test programs and the C++ example, in build/

$(BUILD)/test_%: tests/c/test_%.c tests/c/check.h $(HEADER) $(SHARED) $(SONAME_LINK)
	@mkdir -p $(BUILD)
	$(CC) -std=c99 $(WARN) $(SANITIZE) -Iinclude $< -o $@ $(LINK_SHARED)

$(BUILD)/example_cpp: bindings/c/example.cpp $(HEADER) $(STATIC)
	@mkdir -p $(BUILD)
	$(CXX) -std=c++17 $(WARN) $(SANITIZE) -Iinclude $< -o $@ $(STATIC) $(STATIC_DEPS)

$(BUILD)/header_c99.o: $(HEADER)
	@mkdir -p $(BUILD)
	echo '#include "fast_diff.h"' | $(CC) -std=c99 $(WARN) -Iinclude -x c -c - -o $@

$(BUILD)/header_cxx.o: $(HEADER)
	@mkdir -p $(BUILD)
	echo '#include "fast_diff.h"' | $(CXX) -std=c++11 $(WARN) -Iinclude -x c++ -c - -o $@

# The vector test reads the cases from the directory it is given.
ARGS_test_vectors := tests/vectors

test-c: $(BUILD)/header_c99.o $(BUILD)/header_cxx.o $(C_PROGRAMS) ## the C tests and the C++ example under sanitizers
	$(foreach program,$(C_TESTS) example_cpp,$(SANITIZED_RUN) $(BUILD)/$(program) $(ARGS_$(program)) && ) true
