"""A small phrase grammar, so that narrative text is composed rather than copied.

Template syntax:

- ``{name}``: a slot, filled by ``slots[name](ctx)`` (people, counts, times, places);
- ``[a|b|c]``: one of the alternatives, chosen at random (nesting allowed);
- ``<text>``: optional text, present half the time.

Templates are compiled once into tuples and rendered with the caller's ``random.Random``.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

# A node is (0, literal) | (1, slot name) | (2, alternatives) | (3, optional sequence).
Node = tuple[int, Any]
Seq = tuple[Node, ...]
SlotTable = dict[str, Callable[[Any], str]]

_CACHE: dict[str, Seq] = {}


def compile_template(text: str) -> Seq:
    cached = _CACHE.get(text)
    if cached is not None:
        return cached
    seq, end = _parse(text, 0, "")
    if end != len(text):
        raise ValueError(f"unbalanced template at {end}: {text!r}")
    _CACHE[text] = seq
    return seq


def _parse(text: str, pos: int, closing: str) -> tuple[Seq, int]:
    """Parse until one of ``closing`` (not consumed) or the end; return (sequence, position)."""
    nodes: list[Node] = []
    literal: list[str] = []
    while pos < len(text):
        ch = text[pos]
        if ch in closing:
            break
        if ch == "{":
            end = text.index("}", pos)
            if literal:
                nodes.append((0, "".join(literal)))
                literal = []
            nodes.append((1, text[pos + 1 : end]))
            pos = end + 1
        elif ch == "[":
            if literal:
                nodes.append((0, "".join(literal)))
                literal = []
            options: list[Seq] = []
            pos += 1
            while True:
                option, pos = _parse(text, pos, "|]")
                options.append(option)
                if pos >= len(text):
                    raise ValueError(f"unclosed [ in {text!r}")
                if text[pos] == "]":
                    pos += 1
                    break
                pos += 1
            nodes.append((2, tuple(options)))
        elif ch == "<":
            if literal:
                nodes.append((0, "".join(literal)))
                literal = []
            option, pos = _parse(text, pos + 1, ">")
            if pos >= len(text):
                raise ValueError(f"unclosed < in {text!r}")
            pos += 1
            nodes.append((3, option))
        elif ch in "]|>" and not closing:
            raise ValueError(f"stray {ch!r} in {text!r}")
        else:
            literal.append(ch)
            pos += 1
    if literal:
        nodes.append((0, "".join(literal)))
    return tuple(nodes), pos


def slot_names(seq: Seq) -> set[str]:
    found: set[str] = set()
    for kind, value in seq:
        if kind == 1:
            found.add(value)
        elif kind == 2:
            for option in value:
                found |= slot_names(option)
        elif kind == 3:
            found |= slot_names(value)
    return found


def render_into(seq: Seq, rng: random.Random, slots: SlotTable, ctx: Any, out: list[str]) -> None:
    for kind, value in seq:
        if kind == 0:
            out.append(value)
        elif kind == 1:
            out.append(slots[value](ctx))
        elif kind == 2:
            render_into(value[int(rng.random() * len(value))], rng, slots, ctx, out)
        elif rng.random() < 0.5:
            render_into(value, rng, slots, ctx, out)


def render(text: str, rng: random.Random, slots: SlotTable, ctx: Any) -> str:
    out: list[str] = []
    render_into(compile_template(text), rng, slots, ctx, out)
    return "".join(out)
