//! The OpenAPI 3.1 description of the service, served at `/openapi.json`.

use serde_json::{Value, json};

/// The description: every endpoint, its parameters, bodies and answers.
pub fn document() -> Value {
    let problem = json!({ "$ref": "#/components/responses/Problem" });
    let query = |name: &str, description: &str, schema: Value| json!({ "name": name, "in": "query", "required": false, "description": description, "schema": schema });
    let release_body = json!({
        "required": true,
        "description": "The release: Markdown with front matter, YAML, JSON or TOML, told by the Content-Type \
                        (or `input`); or multipart/form-data with a `release` part, its images as parts named by \
                        the paths the release gives, and optionally a `format` field (md, yaml, json, toml).",
        "content": {
            "text/markdown": { "schema": { "type": "string" } },
            "application/yaml": { "schema": { "type": "string" } },
            "application/json": { "schema": { "type": "object" } },
            "application/toml": { "schema": { "type": "string" } },
            "multipart/form-data": { "schema": { "type": "object", "properties": {
                "release": { "type": "string", "format": "binary" },
                "format": { "type": "string", "enum": ["md", "yaml", "json", "toml"] }
            }, "required": ["release"] } }
        }
    });
    let common = vec![
        query(
            "brand",
            "A brand of the service (GET /v1/brands); default: the neutral brand.",
            json!({ "type": "string" }),
        ),
        query(
            "input",
            "The release's format, where the Content-Type does not tell.",
            json!({ "enum": ["md", "yaml", "json", "toml"] }),
        ),
    ];
    let mut render_params = common.clone();
    render_params.extend([
        query(
            "format",
            "The output.",
            json!({ "enum": ["pdf", "png", "svg", "html", "txt", "eml"], "default": "pdf" }),
        ),
        query("lang", "One of the release's languages (fr, nl-BE).", json!({ "type": "string" })),
        query(
            "standard",
            "PDF standards: a-2b, a-3b, ua-1, archival, comma-separated.",
            json!({ "type": "string" }),
        ),
        query(
            "page",
            "For png and svg: the page, from 1.",
            json!({ "type": "integer", "minimum": 1, "default": 1 }),
        ),
        query(
            "ppi",
            "For png: pixels per inch.",
            json!({ "type": "number", "minimum": 9, "maximum": 1200, "default": 144 }),
        ),
        query(
            "image_ppi",
            "The most pixels per inch an image keeps.",
            json!({ "type": "number", "minimum": 30, "maximum": 2400, "default": 300 }),
        ),
        query(
            "from",
            "For eml: the sender; default: the first media contact with an email.",
            json!({ "type": "string" }),
        ),
        query("to", "For eml: the recipient.", json!({ "type": "string" })),
    ]);
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "presskit",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Renders press releases to branded PDF, PNG, SVG, HTML, text and email. \
                            Errors are application/problem+json (RFC 9457) with the kind, file, line, \
                            column, message and hint that the presskit command shows."
        },
        "security": [{ "bearer": [] }, {}],
        "paths": {
            "/v1/render": { "post": {
                "summary": "Render a release",
                "parameters": render_params,
                "requestBody": release_body,
                "responses": {
                    "200": {
                        "description": "The output. Content-Disposition names it after the release; X-Page-Count gives the pages (pdf, png, svg).",
                        "headers": { "X-Page-Count": { "schema": { "type": "integer" } } },
                        "content": {
                            "application/pdf": {}, "image/png": {}, "image/svg+xml": {},
                            "text/html": {}, "text/plain": {}, "message/rfc822": {}
                        }
                    },
                    "400": problem, "401": problem, "404": problem, "413": problem,
                    "415": problem, "422": problem, "503": problem
                }
            }},
            "/v1/check": { "post": {
                "summary": "Check a release without rendering it: errors and convention warnings",
                "parameters": common,
                "requestBody": release_body,
                "responses": {
                    "200": { "description": "The diagnostics, as `presskit check --format json` gives them for one file.",
                             "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Check" } } } },
                    "401": problem, "404": problem, "413": problem, "415": problem, "503": problem
                }
            }},
            "/v1/brands": { "get": {
                "summary": "The brands this service renders under",
                "responses": { "200": { "description": "The brands.", "content": { "application/json": {} } }, "401": problem }
            }},
            "/healthz": { "get": { "summary": "Whether the service is up", "security": [],
                "responses": { "200": { "description": "ok", "content": { "text/plain": {} } } } } },
            "/metrics": { "get": { "summary": "Counters in the Prometheus text format", "security": [],
                "responses": { "200": { "description": "renders, failures by kind, render times, queue depth", "content": { "text/plain": {} } } } } },
            "/openapi.json": { "get": { "summary": "This description", "security": [],
                "responses": { "200": { "description": "OpenAPI 3.1", "content": { "application/json": {} } } } } }
        },
        "components": {
            "securitySchemes": { "bearer": { "type": "http", "scheme": "bearer" } },
            "responses": { "Problem": { "description": "A problem (RFC 9457).",
                "content": { "application/problem+json": { "schema": { "$ref": "#/components/schemas/Problem" } } } } },
            "schemas": {
                "Problem": { "type": "object", "required": ["type", "title", "status", "detail", "kind", "message"], "properties": {
                    "type": { "type": "string" }, "title": { "type": "string" }, "status": { "type": "integer" },
                    "detail": { "type": "string" }, "kind": { "type": "string" },
                    "file": { "type": ["string", "null"] }, "line": { "type": ["integer", "null"] },
                    "column": { "type": ["integer", "null"] }, "message": { "type": "string" },
                    "hint": { "type": ["string", "null"] }
                }},
                "Check": { "type": "object", "required": ["file", "ok", "errors", "warnings", "diagnostics"], "properties": {
                    "file": { "type": "string" }, "ok": { "type": "boolean" },
                    "errors": { "type": "integer" }, "warnings": { "type": "integer" },
                    "diagnostics": { "type": "array", "items": { "type": "object", "properties": {
                        "severity": { "enum": ["error", "warning"] }, "code": { "type": "string" },
                        "file": { "type": ["string", "null"] }, "line": { "type": ["integer", "null"] },
                        "column": { "type": ["integer", "null"] }, "message": { "type": "string" }, "hint": { "type": "string" }
                    }}}
                }}
            }
        }
    })
}
