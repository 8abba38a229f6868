"""_native.pyi, the types of the compiled cffi module, says what the module holds.

Type checkers believe the stub, so a stub that drifts from the header would
hide a wrong call from mypy: every name it declares must exist in the
compiled module with the same number of arguments (and, as far as cffi can
tell, the same kinds: integers as ``int``, pointers as ``Any``), and every
name of the module that the package uses must be declared.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import fast_diff
from fast_diff._native import ffi, lib

PACKAGE = Path(fast_diff.__file__).parent
STUB = PACKAGE / "_native.pyi"


def stub_lib() -> ast.ClassDef:
    (declaration,) = [n for n in ast.parse(STUB.read_text()).body if isinstance(n, ast.ClassDef) and n.name == "_Lib"]
    return declaration


FUNCTIONS = {node.name: node for node in stub_lib().body if isinstance(node, ast.FunctionDef)}
CONSTANTS = {
    node.target.id: node
    for node in stub_lib().body
    if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name)
}


def annotation(node: ast.expr | None) -> str:
    return "None" if node is None else ast.unparse(node)


def python_type(ctype: object) -> str:
    """How the stub types a value of this C type: integers are int, pointers opaque cdata."""
    kind = getattr(ctype, "kind")
    return {"primitive": "int", "void": "None", "pointer": "Any"}[kind]


def package_nodes() -> list[ast.AST]:
    """Every node of the package's modules."""
    return [node for path in PACKAGE.glob("*.py") for node in ast.walk(ast.parse(path.read_text()))]


def test_the_stub_declares_the_c_api() -> None:
    assert len(FUNCTIONS) >= 16 and len(CONSTANTS) >= 40
    assert {"fd_unified_diff", "fd_free", "fd_status_message", "fd_version"} <= set(FUNCTIONS)


@pytest.mark.parametrize("name", sorted(CONSTANTS))
def test_every_declared_constant_is_an_int_of_the_module(name: str) -> None:
    assert annotation(CONSTANTS[name].annotation) == "int"
    assert type(getattr(lib, name)) is int


@pytest.mark.parametrize("name", sorted(FUNCTIONS))
def test_every_declared_function_is_in_the_module_with_its_arguments(name: str) -> None:
    ctype = ffi.typeof(getattr(lib, name))
    assert ctype.kind == "function" and not ctype.ellipsis
    node = FUNCTIONS[name]
    parameters = [*node.args.posonlyargs, *node.args.args]
    assert parameters[0].arg == "self"
    declared = [annotation(p.annotation) for p in parameters[1:]]
    assert declared == [python_type(argument) for argument in ctype.args], f"{name}: {ctype}"
    assert annotation(node.returns) == python_type(ctype.result), f"{name}: {ctype}"
    # Positional only, as C functions are.
    assert all(p in node.args.posonlyargs for p in parameters[1:]) and not node.args.kwonlyargs


def test_every_name_the_package_uses_from_the_module_is_declared() -> None:
    used = {
        node.attr
        for node in package_nodes()
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "lib"
    }
    assert {"fd_unified_diff", "FD_OK"} & used, "the scan found no use of lib"
    assert used <= set(FUNCTIONS) | set(CONSTANTS), sorted(used - set(FUNCTIONS) - set(CONSTANTS))


def test_every_c_type_the_package_names_is_in_the_module() -> None:
    names = {
        node.args[0].value
        for node in package_nodes()
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id == "ffi"
        and node.args
        and isinstance(node.args[0], ast.Constant)
        and isinstance(node.args[0].value, str)
    }
    assert "fd_buf *" in names
    for name in names:
        ffi.typeof(name)  # raises for a type the module does not know
