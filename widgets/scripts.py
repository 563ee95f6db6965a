"""The helpers' page scripts (widgets/runtime/*.js) under content-hashed names, as the site serves them.

widgets.js imports render.js and starts worker.js, which imports copies.js. Each such reference ("./x.js")
is rewritten to the file's hashed name, and a name's hash covers the file as served, references included:
a change to copies.js changes the names of worker.js and widgets.js too. So a host can cache every one
of them `immutable`, and a returning reader's page reaches the worker without revalidating any of them;
only the page itself and the runtime's manifest.json are revalidated (README "Deploying").
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

__all__ = ["RUNTIME", "hashed_scripts"]

RUNTIME = Path(__file__).resolve().parent / "runtime"
# A relative module reference, the only form the runtime's scripts use: "./render.js" (or './render.js').
REFERENCE = re.compile(r"""(["'])\./([a-z][a-z-]*\.js)\1""")


def hashed_scripts(folder: Path = RUNTIME) -> dict[str, tuple[str, str]]:
    """name -> (hashed name, text as served) for every .js file of `folder`.

    >>> scripts = hashed_scripts()
    >>> name, text = scripts["widgets.js"]
    >>> name.startswith("widgets.") and name.endswith(".js") and len(name) == len("widgets..js") + 12
    True
    >>> f'"./{scripts["render.js"][0]}"' in text
    True
    """
    sources = {path.name: path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.js"))}
    done: dict[str, tuple[str, str]] = {}

    def resolve(name: str, chain: tuple[str, ...]) -> tuple[str, str]:
        if name in done:
            return done[name]
        if name in chain:
            raise ValueError(f"circular reference between the runtime's scripts: {' -> '.join((*chain, name))}")
        if name not in sources:
            raise ValueError(f"{chain[-1]} refers to ./{name}, which is not in {folder}")

        def hashed(match: re.Match[str]) -> str:
            return f'{match[1]}./{resolve(match[2], (*chain, name))[0]}{match[1]}'

        text = REFERENCE.sub(hashed, sources[name])
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
        done[name] = (f"{name.removesuffix('.js')}.{digest}.js", text)
        return done[name]

    for name in sources:
        resolve(name, ())
    return done
