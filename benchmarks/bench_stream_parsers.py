"""Which incremental JSON parser the iterators use: the candidates, measured on one body.

    .venv/bin/python benchmarks/bench_stream_parsers.py --items 200000

A bare JSON array of ``--items`` contacts (the `Contact` shape, four values each) is built in
memory and cut into 64 KiB chunks, as a response body arrives; each candidate turns the chunks
into the items as plain Python objects, and the best of ``--rounds`` is printed in CPU
microseconds per item:

- ijson 3.6.0, C backend (yajl2_c), push interface (``items_coro``): what `which50._stream`
  uses;
- ijson, pure-Python backend, the same interface (what ijson falls back to without its C
  extension);
- json-stream 2.5.1 with json-stream-rs-tokenizer 0.5.4 (Rust), items made standard types;

and, for scale, what streaming costs over holding the whole body: ``json.loads`` of the whole
body, and pydantic's ``validate_json`` of the whole body into ``list[Contact]`` (what
``list_contacts`` does), beside the chosen parser followed by the schema validator per item
(what ``iter_contacts`` does).
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from typing import Any

CHUNK = 64 * 1024


def body(items: int) -> bytes:
    return json.dumps(
        [
            {
                "ValidationWarnings": [],
                "EncContactId": f"Q2w5TnZ4R2h{n:05d}",
                "ListId": 1042,
                "Values": {
                    "Email": f"bench-{n:08d}@example.ie",
                    "FirstName": f"B{n}",
                    "City": "Cork",
                    "Score": 1.5,
                },
            }
            for n in range(items)
        ]
    ).encode()


def candidates(raw: bytes) -> dict[str, Callable[[], int]]:
    import ijson
    import json_stream
    from pydantic import TypeAdapter
    from which50_models import Contact

    chunks = [raw[i : i + CHUNK] for i in range(0, len(raw), CHUNK)]

    def ijson_push(backend: str, validate: Callable[[Any], Any] | None = None) -> Callable[[], int]:
        parser = ijson.get_backend(backend)

        def run() -> int:
            found: list[Any] = ijson.sendable_list()
            coro = parser.items_coro(found, "item", use_float=True)
            count = 0
            for chunk in chunks:
                coro.send(chunk)
                if validate is not None:
                    list(map(validate, found))
                count += len(found)
                found.clear()
            coro.close()
            return count + len(found)

        return run

    def json_stream_rs() -> int:
        count = 0
        for item in json_stream.load(iter(chunks), persistent=True):
            json_stream.to_standard_types(item)
            count += 1
        return count

    whole = TypeAdapter(list[Contact])
    one = TypeAdapter(Contact).validator.validate_python
    return {
        "ijson yajl2_c (push)": ijson_push("yajl2_c"),
        "ijson python (push)": ijson_push("python"),
        "json-stream + Rust tokenizer": json_stream_rs,
        "json.loads, whole body": lambda: len(json.loads(raw)),
        "validate_json, whole body": lambda: len(whole.validate_json(raw)),
        "ijson yajl2_c + validator": ijson_push("yajl2_c", one),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=200_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    raw = body(args.items)
    print(f"{args.items:,} contacts, {len(raw) / 2**20:.0f} MiB, in {CHUNK // 1024} KiB chunks")
    for name, run in candidates(raw).items():
        best = float("inf")
        for _ in range(args.rounds):
            started = time.process_time()
            count = run()
            best = min(best, time.process_time() - started)
        assert count == args.items, (name, count)
        print(f"  {name:<32}{best / args.items * 1e6:8.2f} µs CPU per item")


if __name__ == "__main__":
    main()
