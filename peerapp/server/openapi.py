"""The OpenAPI 3.1 description served at /v1/openapi.json, written by hand to match docs/PROTOCOL.md."""

from __future__ import annotations

from typing import Any

from peerapp.sync import protocol

_HEX64 = {"type": "string", "pattern": "^[0-9a-f]{64}$"}
_HEX32 = {"type": "string", "pattern": "^[0-9a-f]{32}$"}
_B64 = {"type": "string", "pattern": "^[A-Za-z0-9_-]*$", "description": "unpadded base64url"}


def _b64(size: int) -> dict[str, Any]:
    return {**_B64, "maxLength": -(-size * 4 // 3)}


def _obj(props: dict[str, Any], required: list[str] | None = None) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": props,
        "required": list(props) if required is None else required,
        "additionalProperties": False,
    }


def _json(schema: dict[str, Any]) -> dict[str, Any]:
    return {"content": {"application/json": {"schema": schema}}}


def _ok(description: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {"description": description, **_json(schema)}


def _errors(*codes: int) -> dict[str, Any]:
    ref = {"$ref": "#/components/responses/Error"}
    out: dict[str, Any] = {str(c): ref for c in codes}
    out["413"] = ref
    out["429"] = {"$ref": "#/components/responses/RateLimited"}
    return out


_SEQ = _obj({"seq": {"type": "integer", "minimum": 1}})
_ROOM = {"name": "room", "in": "path", "required": True, "schema": _HEX64}
_POST = {"name": "post_id", "in": "path", "required": True, "schema": _HEX32}

_EVENT = {
    "oneOf": [
        _obj(
            {
                "seq": {"type": "integer"},
                "type": {"const": "post"},
                "id": _HEX32,
                "blob": _b64(protocol.MAX_BLOB),
            }
        ),
        _obj(
            {
                "seq": {"type": "integer"},
                "type": {"const": "delete"},
                "id": _HEX32,
                "by": {"const": "author"},
                "secret": _b64(32),
            }
        ),
        _obj(
            {
                "seq": {"type": "integer"},
                "type": {"const": "delete"},
                "id": _HEX32,
                "by": {"const": "admin"},
                "sig": _b64(64),
            }
        ),
        _obj(
            {"seq": {"type": "integer"}, "type": {"const": "report"}, "blob": _b64(protocol.MAX_REPORT_BLOB)}
        ),
    ]
}


def openapi_document() -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "peerapp group server",
            "version": str(protocol.VERSION),
            "description": "Stores sealed posts for rooms it cannot read. See docs/PROTOCOL.md. "
            f"Bodies are limited to {protocol.MAX_BODY} bytes; pages to {protocol.MAX_PAGE} events and about 4 MiB.",
        },
        "paths": {
            "/v1/health": {
                "get": {
                    "operationId": "health",
                    "responses": {
                        "200": _ok(
                            "The server and its database are up.",
                            _obj({"status": {"const": "ok"}, "version": {"const": 1}}),
                        ),
                        "503": {"$ref": "#/components/responses/Error"},
                    },
                }
            },
            "/v1/openapi.json": {
                "get": {
                    "operationId": "openapi",
                    "responses": {"200": _ok("This document.", {"type": "object"})},
                }
            },
            "/v1/rooms": {
                "post": {
                    "operationId": "createRoom",
                    "description": "Signed by the write key over create_message(room, write_pub, admin_pub).",
                    "requestBody": {
                        "required": True,
                        **_json(
                            _obj(
                                {
                                    "room": _HEX64,
                                    "write_pub": _b64(32),
                                    "admin_pub": _b64(32),
                                    "sig": _b64(64),
                                }
                            )
                        ),
                    },
                    "responses": {
                        "201": _ok("Created.", _obj({"room": _HEX64})),
                        "200": _ok("It already exists with the same keys.", _obj({"room": _HEX64})),
                        **_errors(400, 403, 409),
                    },
                }
            },
            "/v1/rooms/{room}/posts/{post_id}": {
                "parameters": [_ROOM, _POST],
                "put": {
                    "operationId": "putPost",
                    "description": "Idempotent: the same bytes again give the same seq.",
                    "requestBody": {
                        "required": True,
                        **_json(
                            _obj({"blob": _b64(protocol.MAX_BLOB), "delete_hash": _b64(32), "sig": _b64(64)})
                        ),
                    },
                    "responses": {"200": _ok("Stored.", _SEQ), **_errors(400, 403, 404, 409, 410)},
                },
                "delete": {
                    "operationId": "deletePost",
                    "description": "With the author's delete secret or the admin's signature; deleting again gives the same seq.",
                    "requestBody": {
                        "required": True,
                        **_json({"oneOf": [_obj({"secret": _b64(32)}), _obj({"admin_sig": _b64(64)})]}),
                    },
                    "responses": {"200": _ok("The tombstone's seq.", _SEQ), **_errors(400, 403, 404)},
                },
            },
            "/v1/rooms/{room}/reports": {
                "parameters": [_ROOM],
                "post": {
                    "operationId": "addReport",
                    "requestBody": {
                        "required": True,
                        **_json(_obj({"blob": _b64(protocol.MAX_REPORT_BLOB), "sig": _b64(64)})),
                    },
                    "responses": {"200": _ok("Stored.", _SEQ), **_errors(400, 403, 404)},
                },
            },
            "/v1/rooms/{room}/events": {
                "parameters": [_ROOM],
                "get": {
                    "operationId": "listEvents",
                    "parameters": [
                        {
                            "name": "after",
                            "in": "query",
                            "schema": {"type": "integer", "minimum": 0, "default": 0},
                        },
                        {
                            "name": "limit",
                            "in": "query",
                            "schema": {
                                "type": "integer",
                                "minimum": 1,
                                "maximum": protocol.MAX_PAGE,
                                "default": protocol.DEFAULT_PAGE,
                            },
                        },
                    ],
                    "responses": {
                        "200": _ok(
                            "Events in ascending seq order.",
                            _obj(
                                {
                                    "events": {"type": "array", "items": _EVENT},
                                    "next": {"type": "integer"},
                                    "more": {"type": "boolean"},
                                    "head": {
                                        "type": "integer",
                                        "minimum": 0,
                                        "description": "The room's last seq. Below the client's cursor, the server lost history.",
                                    },
                                }
                            ),
                        ),
                        **_errors(400, 404),
                    },
                },
            },
        },
        "components": {
            "schemas": {
                "Error": _obj(
                    {"error": _obj({"code": {"type": "string"}, "message": {"type": "string"}})},
                )
            },
            "responses": {
                "Error": {
                    "description": "A JSON error with a stable code.",
                    **_json({"$ref": "#/components/schemas/Error"}),
                },
                "RateLimited": {
                    "description": "A token bucket is empty (code rate_limited).",
                    "headers": {"Retry-After": {"schema": {"type": "integer"}, "description": "seconds"}},
                    **_json({"$ref": "#/components/schemas/Error"}),
                },
            },
        },
    }
