"""cqdt-check: checks IT investment projects and IT-service rental plans against a provincial
e-government architecture (default: Quảng Ngãi 3.0, QĐ 1702/QĐ-UBND of 31/12/2024) and the laws in force."""

__version__ = "1.0.0"


def version_line() -> str:
    """What `cqdt-check --version` prints."""
    return f"cqdt-check {__version__}"
