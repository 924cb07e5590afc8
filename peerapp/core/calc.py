"""Arithmetic for the calculator that quick exit can show: a small parser, never eval()."""

from __future__ import annotations

from decimal import Decimal, DivisionByZero, InvalidOperation, localcontext

OPERATORS = "+-×÷*/"
MAX_LENGTH = 200  # a typed expression longer than this is not arithmetic anyone does by hand


class CalcError(ValueError):
    """The expression cannot be worked out (malformed, or a division by zero)."""


class _Parser:
    """expr := term (('+'|'-') term)*; term := factor (('×'|'÷') factor)*; factor := '-' factor | number '%'? | '(' expr ')'"""

    def __init__(self, text: str) -> None:
        self.text = text.replace(" ", "").replace("*", "×").replace("/", "÷").replace(",", ".")
        self.pos = 0

    def peek(self) -> str:
        return self.text[self.pos] if self.pos < len(self.text) else ""

    def take(self) -> str:
        ch = self.peek()
        self.pos += 1
        return ch

    def parse(self) -> Decimal:
        if not self.text or len(self.text) > MAX_LENGTH:
            raise CalcError
        value = self.expr()
        if self.pos != len(self.text):
            raise CalcError
        return value

    def expr(self) -> Decimal:
        value = self.term()
        while self.peek() in ("+", "-"):
            value = value + self.term() if self.take() == "+" else value - self.term()
        return value

    def term(self) -> Decimal:
        value = self.factor()
        while self.peek() in ("×", "÷"):
            if self.take() == "×":
                value *= self.factor()
            else:
                divisor = self.factor()
                if divisor == 0:
                    raise CalcError
                value /= divisor
        return value

    def factor(self) -> Decimal:
        ch = self.peek()
        if ch == "-":
            self.take()
            return -self.factor()
        if ch == "(":
            self.take()
            value = self.expr()
            if self.take() != ")":
                raise CalcError
            return value
        start = self.pos
        while self.peek() and (self.peek().isdigit() or self.peek() == "."):
            self.take()
        digits = self.text[start : self.pos]
        if not digits or digits.count(".") > 1 or digits == ".":
            raise CalcError
        value = Decimal(digits)
        if self.peek() == "%":
            self.take()
            value /= 100
        return value


def evaluate(text: str) -> str:
    """The result of `text` as the display shows it (at most 12 significant digits, no trailing zeros)."""
    with localcontext() as ctx:
        ctx.prec = 28
        ctx.traps[DivisionByZero] = True
        try:
            value = _Parser(text).parse()
        except (InvalidOperation, DivisionByZero, ArithmeticError) as exc:
            raise CalcError from exc
        if not value.is_finite():
            raise CalcError
        if value == 0:
            return "0"
        shown = f"{value:.12g}"
        if "e" in shown:
            mantissa, exponent = shown.split("e")
            if "." in mantissa:
                mantissa = mantissa.rstrip("0").rstrip(".")
            return f"{mantissa}e{int(exponent)}"
        if "." in shown:
            shown = shown.rstrip("0").rstrip(".")
        return shown
