"""``GET /api/docs``: the API's reference as one HTML page rendered on the server from the
OpenAPI schema (``/api/openapi.json``).

No JavaScript and nothing from the internet: the page works under the app's strict
Content-Security-Policy (``script-src 'self'``), which blocks a CDN-loaded Swagger UI, and
it cannot drift from the routes because it is made from the same schema. Every value is
escaped by Jinja2's autoescaping.
"""

from __future__ import annotations

from typing import Any

import jinja2

_TEMPLATE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ info.title }} {{ info.version }}: JSON API</title>
<style>
body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 0 auto; padding: 1rem; line-height: 1.45;
       color: #1a1a1a; }
code, .path { font-family: ui-monospace, monospace; }
section.op { border: 1px solid #bbb; border-radius: 6px; padding: 0.5rem 1rem; margin: 1rem 0; }
.method { font-weight: bold; text-transform: uppercase; padding: 0 0.4rem; border-radius: 4px;
          background: #1f4e8c; color: #fff; }
table { border-collapse: collapse; margin: 0.5rem 0; }
th, td { border: 1px solid #ccc; padding: 0.2rem 0.5rem; text-align: left; vertical-align: top; }
</style>
</head>
<body>
<h1>{{ info.title }} {{ info.version }}: JSON API</h1>
<p>{{ info.description }}</p>
<p>The machine-readable schema: <a href="{{ schema_url }}">{{ schema_url }}</a> (OpenAPI {{ openapi }}).
Errors are <code>{"status": …, "message": …}</code> with that HTTP status.</p>
<nav><h2>Routes</h2><ul>
{% for op in operations %}
<li><a href="#{{ op.anchor }}"><span class="path">{{ op.method | upper }} {{ op.path }}</span></a>: {{ op.summary }}</li>
{% endfor %}
</ul></nav>
{% for op in operations %}
<section class="op" id="{{ op.anchor }}">
<h2><span class="method">{{ op.method }}</span> <span class="path">{{ op.path }}</span></h2>
<p><strong>{{ op.summary }}</strong></p>
{% if op.description %}<p>{{ op.description }}</p>{% endif %}
{% if op.security %}<p>Needs <code>Authorization: Bearer TOKEN</code>.</p>{% endif %}
{% if op.parameters %}
<h3>Parameters</h3>
<table><tr><th>name</th><th>in</th><th>type</th><th>required</th><th>description</th></tr>
{% for p in op.parameters %}
<tr><td><code>{{ p.name }}</code></td><td>{{ p.where }}</td><td>{{ p.type }}</td>
<td>{{ "yes" if p.required else "no" }}</td><td>{{ p.description }}</td></tr>
{% endfor %}
</table>
{% endif %}
{% if op.body %}<h3>Body</h3><p>JSON: <a href="#model-{{ op.body }}">{{ op.body }}</a></p>{% endif %}
<h3>Answers</h3>
<table><tr><th>status</th><th>description</th><th>body</th></tr>
{% for r in op.responses %}
<tr><td>{{ r.status }}</td><td>{{ r.description }}</td>
<td>{% if r.model %}<a href="#model-{{ r.model }}">{{ r.model }}</a>{% endif %}</td></tr>
{% endfor %}
</table>
</section>
{% endfor %}
<h2>Models</h2>
{% for m in models %}
<section class="op" id="model-{{ m.name }}">
<h3>{{ m.name }}</h3>
{% if m.description %}<p>{{ m.description }}</p>{% endif %}
<table><tr><th>field</th><th>type</th><th>required</th><th>description</th></tr>
{% for f in m.fields %}
<tr><td><code>{{ f.name }}</code></td><td>{{ f.type }}</td><td>{{ "yes" if f.required else "no" }}</td>
<td>{{ f.description }}</td></tr>
{% endfor %}
</table>
</section>
{% endfor %}
</body>
</html>
"""

_env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
_REF = "#/components/schemas/"


def _type(schema: dict[str, Any]) -> str:
    """A short readable type of a JSON schema: ``integer (1 to 100)``, ``list of FigureOut`` …"""
    if "$ref" in schema:
        return str(schema["$ref"]).removeprefix(_REF)
    for key in ("anyOf", "oneOf"):
        if key in schema:
            return " or ".join(_type(s) for s in schema[key])
    if "const" in schema:
        return repr(schema["const"])
    kind = schema.get("type", "any")
    if kind == "array":
        return f"list of {_type(schema.get('items', {}))}"
    if kind == "object" and isinstance(schema.get("additionalProperties"), dict):
        return f"object of {_type(schema['additionalProperties'])}"
    bounds = []
    for key, word in (("minimum", "≥"), ("maximum", "≤"), ("minLength", "length ≥"), ("maxLength", "length ≤")):
        if key in schema:
            bounds.append(f"{word} {schema[key]:,}")
    if "format" in schema:
        bounds.append(str(schema["format"]))
    return f"{kind} ({', '.join(bounds)})" if bounds else str(kind)


def _model(media: dict[str, Any]) -> str | None:
    schema = media.get("application/json", {}).get("schema", {})
    return _type(schema) if schema else None


def _operations(schema: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    for path, item in schema.get("paths", {}).items():
        for method, op in item.items():
            body = op.get("requestBody", {}).get("content")
            out.append(
                {
                    "anchor": f"{method}-{path}".replace("/", "-").replace("{", "").replace("}", ""),
                    "method": method,
                    "path": path,
                    "summary": op.get("summary", ""),
                    "description": op.get("description", ""),
                    "security": bool(op.get("security")),
                    "parameters": [
                        {
                            "name": p["name"],
                            "where": p.get("in", ""),
                            "type": _type(p.get("schema", {})),
                            "required": p.get("required", False),
                            "description": p.get("description", ""),
                        }
                        for p in op.get("parameters", [])
                    ],
                    "body": _model(body) if body else None,
                    "responses": [
                        {"status": status, "description": r.get("description", ""), "model": _model(r.get("content", {}))}
                        for status, r in sorted(op.get("responses", {}).items())
                    ],
                }
            )
    return out


def _models(schema: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    for name, model in sorted(schema.get("components", {}).get("schemas", {}).items()):
        required = set(model.get("required", []))
        out.append(
            {
                "name": name,
                "description": model.get("description", ""),
                "fields": [
                    {"name": f, "type": _type(s), "required": f in required, "description": s.get("description", "")}
                    for f, s in model.get("properties", {}).items()
                ],
            }
        )
    return out


def api_docs_html(schema: dict[str, Any], schema_url: str = "/api/openapi.json") -> str:
    """The reference page of an OpenAPI ``schema``: every route with its parameters, body and
    answers, then every model with its fields."""
    return _env.from_string(_TEMPLATE).render(
        info={"title": "", "version": "", "description": "", **schema.get("info", {})},
        openapi=schema.get("openapi", ""),
        schema_url=schema_url,
        operations=_operations(schema),
        models=_models(schema),
    )


__all__ = ["api_docs_html"]
