"""The OpenAPI 3.1 document served at /v1/openapi.json, generated from the models in peerapp.sync.wire."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from peerapp.server.http import (
    BAD_CREATION_TOKEN,
    CREATION_TOKEN_REQUIRED,
    DATA_PLANE_ERRORS,
    DISK_FULL,
    POW_REQUIRED,
    QUOTA_BYTES,
    QUOTA_POSTS,
    ROOM_SUSPENDED,
)
from peerapp.server.operations import DEFAULT_OPERATIONS, PLAIN_TEXT
from peerapp.sync import protocol, wire
from peerapp.sync.wire_model import Model, ref

# The data plane's refusals (issue 18) by operation: how rooms may be created, quotas, the disk
# budget and suspension. They are not in wire.Operation.errors yet (see http.DATA_PLANE_ERRORS).
_CREATE = (CREATION_TOKEN_REQUIRED, BAD_CREATION_TOKEN, POW_REQUIRED, DISK_FULL, ROOM_SUSPENDED)
_WRITE = (QUOTA_BYTES, QUOTA_POSTS, DISK_FULL, ROOM_SUSPENDED)
DATA_PLANE = {
    "createRoom": _CREATE,
    "createRoomV2": _CREATE,
    "putPost": _WRITE,
    "putPosts": _WRITE,
    "addReport": (QUOTA_BYTES, DISK_FULL, ROOM_SUSPENDED),
    **{
        name: (ROOM_SUSPENDED,)
        for name in ("deletePost", "listEvents", "roomKeys", "setEpoch", "setAdmin", "setDoor", "upgradeRoom")
    },
}
CREATE_HEADERS = (
    "A server may restrict room creation: send the operator's token in the Peerapp-Creation-Token"
    " header, or, when a 403 pow_required names Peerapp-Pow-Bits, a Peerapp-Pow header of 16 hex digits"
    ' (a nonce) with SHA-256("peerapp room pow v1\\0" + room id + nonce) starting with that many zero bits.'
)


def _error(code: str) -> tuple[int, str]:
    return wire.ERRORS.get(code) or DATA_PLANE_ERRORS[code]


def _content(schema: dict[str, Any]) -> dict[str, Any]:
    return {"content": {"application/json": {"schema": schema}}}


def _errors(codes: tuple[str, ...]) -> dict[str, Any]:
    """One answer per status, naming its codes; 429 carries Retry-After."""
    by_status: dict[int, list[str]] = {}
    for code in codes:
        by_status.setdefault(_error(code)[0], []).append(code)
    out: dict[str, Any] = {}
    for status, names in sorted(by_status.items()):
        answer = {
            "description": "; ".join(f"{name}: {_error(name)[1]}" for name in names),
            **_content(ref(wire.ErrorReply)),
        }
        if status == 429 or QUOTA_POSTS in names:
            answer["headers"] = {"Retry-After": {"schema": {"type": "integer"}, "description": "seconds"}}
        out[str(status)] = answer
    return out


def _operation(op: wire.Operation) -> dict[str, Any]:
    out: dict[str, Any] = {"operationId": op.name, "summary": op.summary}
    if DATA_PLANE.get(op.name) == _CREATE:
        out["description"] = CREATE_HEADERS
    if op.query is not None:
        out["parameters"] = [
            {"name": name, "in": "query", "schema": {**kind.schema(), "default": getattr(op.query(), name)}}
            for name, kind in op.query.wire_fields()
        ]
    if op.request:
        models = [ref(model) for model in op.request]
        out["requestBody"] = {
            "required": True,
            **_content(models[0] if len(models) == 1 else {"oneOf": models}),
        }
    responses: dict[str, Any] = {}
    for status, meaning, model in op.replies:
        responses[str(status)] = {
            "description": meaning,
            **_content(ref(model) if model else {"type": "object"}),
        }
        if op.name in PLAIN_TEXT:  # the metrics: Prometheus text, not JSON
            responses[str(status)]["content"] = {"text/plain": {"schema": {"type": "string"}}}
    out["responses"] = {**responses, **_errors((*op.errors, *DATA_PLANE.get(op.name, ())))}
    return out


def _models(operations: Sequence[wire.Operation]) -> list[type[Model]]:
    """Every model an operation uses, and every model those refer to, each once."""
    found: list[type[Model]] = []
    todo: list[type[Model]] = [wire.ErrorReply]
    for op in operations:
        todo += [*op.request, *(model for _status, _meaning, model in op.replies if model is not None)]
    while todo:
        model = todo.pop(0)
        if model not in found:
            found.append(model)
            todo += list(model.referenced())
    return found


def openapi_document(operations: Sequence[wire.Operation] = DEFAULT_OPERATIONS) -> dict[str, Any]:
    """The document of `operations` (by default what a server serves without --metrics)."""
    paths: dict[str, Any] = {}
    for op in operations:
        item = paths.setdefault(op.path, {})
        params = op.path_fields()
        if params:
            item["parameters"] = [
                {"name": name, "in": "path", "required": True, "schema": kind.schema()}
                for name, kind in params.items()
            ]
        item[op.method.lower()] = _operation(op)
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "peerapp group server",
            "version": str(protocol.VERSION),
            "description": "Stores sealed posts for rooms it cannot read. See docs/PROTOCOL.md; every "
            f"model is declared in peerapp/sync/wire.py. Bodies are limited to {protocol.MAX_BODY} bytes; "
            f"batches to {protocol.MAX_BATCH} posts and {protocol.MAX_BATCH_BODY} bytes; "
            f"pages to {protocol.MAX_PAGE} events and about 4 MiB.",
        },
        "paths": paths,
        "components": {"schemas": {model.__name__: model.json_schema() for model in _models(operations)}},
    }


if __name__ == "__main__":
    print(json.dumps(openapi_document(), indent=1))
