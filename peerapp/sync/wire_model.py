"""The machinery under peerapp.sync.wire: field types that read, write and describe one JSON value,
and the Model base class that makes a dataclass of them a checked JSON object."""

from __future__ import annotations

import dataclasses
import math
import re
import typing
from collections.abc import Callable, Iterator
from typing import Any, ClassVar, Generic, Self, TypeVar

from . import protocol
from .protocol import ProtocolError

T = TypeVar("T")


class WireError(ProtocolError):
    """A JSON value that breaks its model. `reason` is the English sentence a server answers with."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class Field(Generic[T]):
    """How one JSON value is read (`decode`), written (`encode`) and described (`schema`).

    `optional` fields may be absent; a model then holds None (or its default) and writes nothing.
    """

    def __init__(self, *, optional: bool = False, doc: str = "") -> None:
        self.optional = optional
        self.doc = doc

    def decode(self, value: object, name: str) -> T:
        raise NotImplementedError

    def encode(self, value: T, name: str) -> object:
        raise NotImplementedError

    def schema(self) -> dict[str, Any]:
        raise NotImplementedError

    def missing(self, name: str) -> str:
        """The reason given when a required field is absent."""
        return f"Missing field: {name}."

    def models(self) -> tuple[type[Model], ...]:
        """The models this field refers to (for the OpenAPI document's components)."""
        return ()

    def _doc(self, schema: dict[str, Any]) -> dict[str, Any]:
        return {**schema, "description": self.doc} if self.doc else schema


class Hex(Field[bytes]):
    """Bytes of one fixed size, as lowercase hex (room and post ids)."""

    def __init__(self, size: int, *, reason: str = "", optional: bool = False, doc: str = "") -> None:
        super().__init__(optional=optional, doc=doc)
        self.size = size
        self._reason = reason

    def reason(self, name: str) -> str:
        return self._reason or f"Field {name} must be {2 * self.size} lowercase hex characters."

    def decode(self, value: object, name: str) -> bytes:
        try:
            return protocol.hex_id(value, self.size)
        except ProtocolError as exc:
            raise WireError(self.reason(name)) from exc

    def encode(self, value: bytes, name: str) -> object:
        if len(value) != self.size:
            raise WireError(self.reason(name))
        return value.hex()

    def missing(self, name: str) -> str:
        return self.reason(name)

    def schema(self) -> dict[str, Any]:
        return self._doc({"type": "string", "pattern": f"^[0-9a-f]{{{2 * self.size}}}$"})


class Base64(Field[bytes]):
    """Bytes as unpadded base64url in its one canonical spelling: exactly `size` bytes, or at most
    `size` when not `exact`; `shape` is a further check of the bytes, named by `shape_name`."""

    def __init__(
        self,
        size: int,
        *,
        exact: bool = True,
        shape: Callable[[bytes], bool] | None = None,
        shape_name: str = "",
        optional: bool = False,
        doc: str = "",
    ) -> None:
        super().__init__(optional=optional, doc=doc)
        self.size, self.exact, self.shape, self.shape_name = size, exact, shape, shape_name

    def _check(self, data: bytes, name: str) -> bytes:
        if len(data) > self.size or (self.exact and len(data) != self.size):
            raise WireError(f"Field {name} is not base64url of the right length.")
        if self.shape is not None and not self.shape(data):
            raise WireError(f"Field {name} is not {self.shape_name}.")
        return data

    def decode(self, value: object, name: str) -> bytes:
        try:
            data = protocol.b64d(value, max_len=self.size)
        except ProtocolError as exc:
            raise WireError(f"Field {name} is not base64url of the right length.") from exc
        return self._check(data, name)

    def encode(self, value: bytes, name: str) -> object:
        return protocol.b64e(self._check(value, name))

    def schema(self) -> dict[str, Any]:
        length = math.ceil(self.size * 4 / 3)
        out: dict[str, Any] = {"type": "string", "pattern": "^[A-Za-z0-9_-]*$", "maxLength": length}
        what = f"{self.size} bytes" if self.exact else f"at most {self.size} bytes"
        if self.exact:
            out["minLength"] = length
        if self.shape_name:
            what += f", {self.shape_name}"
        doc = f"unpadded base64url of {what}"
        return {**out, "description": f"{self.doc}: {doc}" if self.doc else doc}


class Integer(Field[int]):
    """A JSON integer from `minimum` to `maximum` (true and false are not integers)."""

    def __init__(self, minimum: int, maximum: int, *, optional: bool = False, doc: str = "") -> None:
        super().__init__(optional=optional, doc=doc)
        self.minimum, self.maximum = minimum, maximum

    def decode(self, value: object, name: str) -> int:
        if not isinstance(value, int) or isinstance(value, bool) or not self.minimum <= value <= self.maximum:
            raise WireError(f"Field {name} must be an integer from {self.minimum} to {self.maximum}.")
        return value

    def encode(self, value: int, name: str) -> object:
        return self.decode(value, name)

    def schema(self) -> dict[str, Any]:
        return self._doc({"type": "integer", "minimum": self.minimum, "maximum": self.maximum})


class Boolean(Field[bool]):
    def decode(self, value: object, name: str) -> bool:
        if not isinstance(value, bool):
            raise WireError(f"Field {name} must be true or false.")
        return value

    def encode(self, value: bool, name: str) -> object:
        return self.decode(value, name)

    def schema(self) -> dict[str, Any]:
        return self._doc({"type": "boolean"})


class Const(Field[T]):
    """Exactly one value (of the same JSON type): a version, or the tag that says which model an object is."""

    def __init__(self, value: T, *, doc: str = "") -> None:
        super().__init__(doc=doc)
        self.value = value

    def decode(self, value: object, name: str) -> T:
        if type(value) is not type(self.value) or value != self.value:
            raise WireError(f"Field {name} must be {self.value!r}.")
        return self.value

    def encode(self, value: T, name: str) -> object:
        return self.decode(value, name)

    def schema(self) -> dict[str, Any]:
        return self._doc({"const": self.value})


class Text(Field[str]):
    """A string of at most `max_length` characters, matching `pattern` when one is given."""

    def __init__(self, max_length: int, *, pattern: str = "", optional: bool = False, doc: str = "") -> None:
        super().__init__(optional=optional, doc=doc)
        self.max_length = max_length
        self.pattern = re.compile(pattern) if pattern else None

    def decode(self, value: object, name: str) -> str:
        if not isinstance(value, str) or len(value) > self.max_length:
            raise WireError(f"Field {name} must be text of at most {self.max_length} characters.")
        if self.pattern is not None and not self.pattern.fullmatch(value):
            raise WireError(f"Field {name} does not have the right form.")
        return value

    def encode(self, value: str, name: str) -> object:
        return self.decode(value, name)

    def schema(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "string", "maxLength": self.max_length}
        if self.pattern is not None:
            out["pattern"] = f"^{self.pattern.pattern}$"
        return self._doc(out)


class Nested(Field["Model"]):
    """An object that is itself a model."""

    def __init__(self, model: type[Model], *, doc: str = "") -> None:
        super().__init__(doc=doc)
        self.model = model

    def decode(self, value: object, name: str) -> Model:
        if not isinstance(value, dict):
            raise WireError(f"Field {name} must be a JSON object.")
        try:
            return self.model.from_json(value)
        except WireError as exc:  # say which object: "In posts[3]: Field blob is not …"
            raise WireError(f"In {name}: {exc.reason}") from exc

    def encode(self, value: Model, name: str) -> object:
        if not isinstance(value, self.model):
            raise WireError(f"Field {name} must be {self.model.__name__}.")
        return value.to_json()

    def schema(self) -> dict[str, Any]:
        return self._doc(ref(self.model))

    def models(self) -> tuple[type[Model], ...]:
        return (self.model,)


class ListOf(Field[list[T]]):
    """A JSON array of `min_items` to `max_items` values of one field type."""

    def __init__(self, item: Field[T], max_items: int, *, min_items: int = 0, doc: str = "") -> None:
        super().__init__(doc=doc)
        self.item, self.max_items, self.min_items = item, max_items, min_items

    def _check(self, value: object, name: str) -> list[Any]:
        if not isinstance(value, list) or not self.min_items <= len(value) <= self.max_items:
            least = f"{self.min_items} to " if self.min_items else "at most "
            raise WireError(f"Field {name} must be a list of {least}{self.max_items} items.")
        return value

    def decode(self, value: object, name: str) -> list[T]:
        return [self.item.decode(v, f"{name}[{i}]") for i, v in enumerate(self._check(value, name))]

    def encode(self, value: list[T], name: str) -> object:
        return [self.item.encode(v, name) for v in self._check(value, name)]

    def schema(self) -> dict[str, Any]:
        out = {"type": "array", "maxItems": self.max_items, "items": self.item.schema()}
        return self._doc({**out, "minItems": self.min_items} if self.min_items else out)

    def models(self) -> tuple[type[Model], ...]:
        return self.item.models()


def ref(model: type[Model]) -> dict[str, Any]:
    """The OpenAPI reference to a model, which the document lists under components/schemas."""
    return {"$ref": f"#/components/schemas/{model.__name__}"}


_FIELDS: dict[type[Any], tuple[tuple[str, Field[Any]], ...]] = {}


def _fields(model: type[Any]) -> tuple[tuple[str, Field[Any]], ...]:
    if model in _FIELDS:
        return _FIELDS[model]
    hints = typing.get_type_hints(model, include_extras=True)
    out = []
    for item in dataclasses.fields(model):
        kinds = [m for m in getattr(hints[item.name], "__metadata__", ()) if isinstance(m, Field)]
        if len(kinds) != 1:
            raise TypeError(f"{model.__name__}.{item.name} needs Annotated[..., <one Field>]")
        out.append((item.name, kinds[0]))
    _FIELDS[model] = tuple(out)
    return _FIELDS[model]


class Model:
    """A JSON object of named fields. A subclass is a frozen, keyword-only dataclass whose every field is
    `Annotated[python type, Field]`, so its type, limits and encoding are declared once, in order.

    `closed` models (requests) refuse unknown fields; replies are read open, so a server may add one.
    """

    closed: ClassVar[bool] = True

    @classmethod
    def wire_fields(cls) -> tuple[tuple[str, Field[Any]], ...]:
        return _fields(cls)

    @classmethod
    def from_json(cls, value: object) -> Self:
        """The model of a decoded JSON value; raises WireError at the first field that breaks it."""
        if not isinstance(value, dict):
            raise WireError("The body must be a JSON object.")
        fields = cls.wire_fields()
        if cls.closed and not set(value) <= {name for name, _ in fields}:
            raise WireError("Unknown field.")
        found: dict[str, Any] = {}
        for name, kind in fields:
            if name in value:
                found[name] = kind.decode(value[name], name)
            elif not kind.optional:
                raise WireError(kind.missing(name))
        return cls(**found)

    def to_json(self) -> dict[str, Any]:
        """The JSON object, every field checked as from_json would (absent optional fields are left out)."""
        out: dict[str, Any] = {}
        for name, kind in self.wire_fields():
            value = getattr(self, name)
            if value is None and kind.optional:
                continue
            out[name] = kind.encode(value, name)
        return out

    @classmethod
    def matches(cls, value: dict[str, Any]) -> bool:
        """Whether every constant field (such as an event's type) has its value in `value`."""
        for name, kind in cls.wire_fields():
            if isinstance(kind, Const):
                try:
                    kind.decode(value.get(name), name)
                except WireError:
                    return False
        return True

    @classmethod
    def json_schema(cls) -> dict[str, Any]:
        """The JSON Schema of this model, other models by reference."""
        fields = cls.wire_fields()
        schema: dict[str, Any] = {
            "type": "object",
            "properties": {name: kind.schema() for name, kind in fields},
            "required": [name for name, kind in fields if not kind.optional],
            "additionalProperties": False,
        }
        doc = (cls.__doc__ or "").strip().split("\n\n")[0]
        return {"description": " ".join(doc.split()), **schema} if doc else schema

    @classmethod
    def referenced(cls) -> Iterator[type[Model]]:
        for _name, kind in cls.wire_fields():
            yield from kind.models()
