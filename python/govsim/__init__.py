"""govsim for Python: the same engine and batch runner as the ``govsim`` command, in-process.

Quick start::

    import govsim
    result = govsim.run("baseline", days=30)
    result.summary["response_time_p50_h"]   # a float
    result.timeseries                        # a pandas DataFrame, one row per day

The API (docs/PYTHON.md has the full reference, the columns and their dtypes):

- :class:`Scenario` -- load, build from a dict, change with ``set``, list ``keys()``, ``to_yaml()``.
- :func:`run` -- one run, returning a :class:`Result` (timeseries, grids, summary, manifest).
- :class:`Simulation` -- step-wise runs for notebooks: ``step``, ``set``, ``observe``.
- :func:`compare`, :func:`sweep`, :func:`seek` -- experiments of many runs, returning a :class:`Results`
  of tidy DataFrames (the CLI's ``export`` tables); :func:`open_results` reads any store.
- :class:`ScenarioError` -- a mistake in the input, with ``file``, ``line``, ``column``, ``key``.

The engine runs with the GIL released; Ctrl-C stops a run between two days, and an experiment
between two slices of runs, with ``KeyboardInterrupt``.
"""

from __future__ import annotations

import io
import json
import math
import os
import re
import tempfile
from typing import Any, Dict, Iterable, List, Optional, Sequence, Union

import numpy as np
import pandas as pd

__all__ = [
    "Scenario",
    "ScenarioError",
    "Result",
    "Results",
    "Simulation",
    "run",
    "compare",
    "sweep",
    "seek",
    "open_results",
    "scenarios",
    "keys",
]


class ScenarioError(ValueError):
    """A mistake in the user's input, with the CLI's message (``str(e)``) and its parts.

    Attributes: ``file`` (a path, ``<built-in:NAME>``, ``<command line>`` for a ``set`` or an
    override, ``<dict>`` for :meth:`Scenario.from_dict`; None when the message names none),
    ``line`` and ``column`` (1-based; None when unknown), ``key`` (the dotted key, or None) and
    ``problem`` (the rest of the message: what is wrong and what would be valid).
    """

    _located = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?P<column>\d+): (?P<rest>.*)$", re.S)
    _unlocated = re.compile(r"^(?P<file><[^>]+>|[^\s:]+\.(?:ya?ml|csv|geojson|json)): (?P<rest>.*)$", re.S)
    _keyed = re.compile(r"^(?:--set )?(?P<key>[A-Za-z_][A-Za-z0-9_.\[\]]*): (?P<problem>.*)$", re.S)

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message
        self.file: Optional[str] = None
        self.line: Optional[int] = None
        self.column: Optional[int] = None
        self.key: Optional[str] = None
        rest = message
        m = self._located.match(message)
        if m:
            self.file, rest = m.group("file"), m.group("rest")
            self.line, self.column = int(m.group("line")), int(m.group("column"))
        else:
            m = self._unlocated.match(message)
            if m:
                self.file, rest = m.group("file"), m.group("rest")
        k = self._keyed.match(rest)
        if k:
            self.key, rest = k.group("key"), k.group("problem")
        self.problem: str = rest


from . import _core  # noqa: E402  (ScenarioError must exist first: the module raises it)


def _yaml_scalar(value: Any) -> str:
    """A Python value as the YAML scalar the loader reads (as a ``--set`` value is read)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    if isinstance(value, (float, np.floating)):
        if not math.isfinite(float(value)):
            raise ScenarioError(f"{value!r}: a value must be a finite number")
        return repr(float(value))
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    raise ScenarioError(f"{value!r}: expected a number, a bool or a string")


class _Raw(str):
    """A scalar written into YAML as it is (a value as the scenario's file wrote it)."""


def _yaml_block(value: Any, indent: int = 0) -> str:
    """Block YAML of nested dicts, lists and scalars (what to_yaml writes)."""
    pad = " " * indent
    out = []
    if isinstance(value, dict):
        for k, v in value.items():
            if isinstance(v, dict) and v:
                out.append(f"{pad}{k}:\n{_yaml_block(v, indent + 2)}")
            elif isinstance(v, list) and v:
                out.append(f"{pad}{k}:\n{_yaml_block(v, indent + 2)}")
            elif isinstance(v, dict):
                out.append(f"{pad}{k}: {{}}\n")
            elif isinstance(v, list):
                out.append(f"{pad}{k}: []\n")
            else:
                text = v if isinstance(v, _Raw) else _yaml_scalar(v)
                out.append(f"{pad}{k}: {text}\n")
    elif isinstance(value, list):
        for item in value:
            text = _yaml_block(item, indent + 2)
            out.append(f"{pad}- {text.lstrip()}")
    return "".join(out)


_PLAIN_SETTING = re.compile(r"^[a-z0-9_.]+=[A-Za-z0-9_.+-]+$")


def _change_set(change: Dict[str, Any]) -> Dict[str, Any]:
    """The ``set:`` of a policy change: the keys and values as its file wrote them, read back
    from its summary ("platform.level=0.8, leadership=0.5"), so that it loads back with the same
    summary and hash; the whole governance block when the summary cannot be read that way."""
    parts = change.get("summary", "").split(", ")
    if parts and all(_PLAIN_SETTING.match(p) for p in parts):
        return {key: _Raw(value) for key, value in (p.split("=", 1) for p in parts)}
    return change["governance"]


class Scenario:
    """A validated scenario: a shipped name or a YAML file, plus ``key=value`` changes.

    Every change is validated at once by the CLI's loader; a mistake raises
    :class:`ScenarioError` with the CLI's message. Scenarios are values: :meth:`set` returns a
    new Scenario and leaves this one unchanged.
    """

    def __init__(self, source: Optional[str] = None, overrides: Sequence[str] = (), *,
                 _text: Optional[str] = None, _label: Optional[str] = None):
        self._source = source or ""
        self._overrides = list(overrides)
        self._text = _text  # from_dict: the document itself
        self._label = _label
        self._core = self._load(self._overrides)

    def _load(self, overrides: List[str]) -> "_core.CoreScenario":
        if self._text is None:
            return _core.load(self._source, overrides)
        with tempfile.TemporaryDirectory(prefix="govsim-") as folder:
            path = os.path.join(folder, "scenario.yaml")
            with open(path, "w", encoding="utf-8") as f:
                f.write(self._text)
            try:
                return _core.load(path, overrides)
            except ScenarioError as e:
                raise ScenarioError(str(e).replace(path, self._label or "<dict>")) from None

    @classmethod
    def load(cls, name: Optional[str] = None) -> "Scenario":
        """A shipped scenario by name (``govsim.scenarios()`` lists them), or a YAML path.

        ``None`` is the built-in baseline, as ``govsim run`` without a scenario.
        """
        return cls(name)

    @classmethod
    def from_yaml(cls, path: Union[str, os.PathLike]) -> "Scenario":
        """A scenario file (it may ``extends:`` a shipped scenario or another file)."""
        path = os.fspath(path)
        if not os.path.exists(path):
            raise ScenarioError(f"{path}: no such file")
        return cls(path)

    @classmethod
    def from_dict(cls, document: Dict[str, Any]) -> "Scenario":
        """A scenario written as a dict, as its YAML file would be written.

        ``{"extends": "modern", "run": {"days": 90}, "governance": {"platform": {"level": 0.5}}}``.
        Relative paths (``extends`` of a file, ``city.table``) are relative to the working
        directory. Errors name the file ``<dict>``.
        """
        if not isinstance(document, dict):
            raise ScenarioError("Scenario.from_dict: expected a dict")
        doc = json.loads(json.dumps(document))  # a deep copy, and only JSON's types
        ext = doc.get("extends")
        if isinstance(ext, str) and os.path.exists(ext):
            doc["extends"] = os.path.abspath(ext)
        table = (doc.get("city") or {}).get("table") if isinstance(doc.get("city"), dict) else None
        if isinstance(table, str) and table and os.path.exists(table):
            doc["city"]["table"] = os.path.abspath(table)
        return cls(_text=json.dumps(doc, ensure_ascii=False), _label="<dict>")

    def set(self, key: str, value: Any) -> "Scenario":
        """A copy with ``key`` (dotted, e.g. ``governance.platform.level``) set to ``value``."""
        new = Scenario.__new__(Scenario)
        new._source, new._text, new._label = self._source, self._text, self._label
        new._overrides = self._overrides + [f"{key}={_yaml_scalar(value)}"]
        new._core = new._load(new._overrides)
        return new

    def with_overrides(self, overrides: Iterable[str]) -> "Scenario":
        """A copy with ``key=value`` texts applied, as ``govsim run --set`` applies them."""
        new = Scenario.__new__(Scenario)
        new._source, new._text, new._label = self._source, self._text, self._label
        new._overrides = self._overrides + list(overrides)
        new._core = new._load(new._overrides)
        return new

    @staticmethod
    def keys() -> pd.DataFrame:
        """The scenario schema, one row per key (as ``govsim keys``).

        Columns: key (index), type (number, integer, bool, choice, text, group), default,
        range, unit, doc, source. All strings.
        """
        return keys()

    def to_dict(self) -> Dict[str, Any]:
        """Every key of the resolved scenario, as ``govsim show`` prints it."""
        return json.loads(self._core.to_json())

    def to_yaml(self) -> str:
        """The resolved scenario as a YAML document that loads back to the same scenario.

        Every key is written; each policy change becomes ``{day, set: <governance>}``.
        """
        doc = self.to_dict()
        doc["changes"] = [{"day": c["day"], "set": _change_set(c)} for c in doc.get("changes", [])]
        return _yaml_block(doc)

    def get(self, key: str) -> Any:
        """The value of a dotted key of the resolved scenario."""
        node: Any = self.to_dict()
        for part in key.split("."):
            if not isinstance(node, dict) or part not in node:
                raise ScenarioError(f"{key}: unknown key")
            node = node[part]
        return node

    @property
    def name(self) -> str:
        return self._core.name

    @property
    def days(self) -> int:
        return self._core.days

    @property
    def seed(self) -> int:
        return self._core.seed

    @property
    def hash(self) -> str:
        """The scenario hash the manifest records (16 hex digits)."""
        return self._core.hash()

    @property
    def overrides(self) -> List[str]:
        return list(self._overrides)

    @property
    def source(self) -> str:
        """What it was loaded from: a shipped name, a path, or ``<dict>``."""
        return self._label if self._text is not None else (self._source or "baseline")

    def _for_batch(self) -> "tuple[str, List[str]]":
        """(scenario, overrides) for the batch runner, which loads by name or path."""
        if self._text is not None:
            raise ScenarioError("Scenario.from_dict: write it to a file (to_yaml) to use it in "
                                "compare or sweep, which name their scenarios by file")
        return self._source, list(self._overrides)

    def __repr__(self) -> str:
        extra = f", {len(self._overrides)} changes" if self._overrides else ""
        return f"<govsim.Scenario {self.name!r} ({self.days} days{extra})>"


def _as_scenario(scenario: Union[str, Scenario, None]) -> Scenario:
    if isinstance(scenario, Scenario):
        return scenario
    if scenario is None or isinstance(scenario, (str, os.PathLike)):
        return Scenario(os.fspath(scenario) if scenario is not None else None)
    raise TypeError(f"expected a Scenario or a scenario name, got {type(scenario).__name__}")


def _frame(columns: Dict[str, np.ndarray], name: str) -> pd.DataFrame:
    df = pd.DataFrame(columns, copy=False)
    df.attrs["name"] = name
    return df


def scenarios() -> pd.DataFrame:
    """The shipped scenarios (``govsim scenarios``): name (index) and title."""
    df = pd.DataFrame(_core.shipped(), columns=["name", "title"]).set_index("name")
    return df


def keys() -> pd.DataFrame:
    """The scenario schema, one row per key (``govsim keys``); see :meth:`Scenario.keys`."""
    return pd.DataFrame(_core.keys()).set_index("key")


class Simulation:
    """A run stepped by hand, for notebooks and teaching.

    ``sim = govsim.Simulation("classroom-town"); sim.step(30); sim.set("platform.level", 0.8);
    sim.step(30); sim.observe()``. A ``set`` takes effect at the start of the next day, as a
    scenario's ``changes:`` do. The engine runs with the GIL released.
    """

    def __init__(self, scenario: Union[str, Scenario, None] = None, *, threads: Optional[int] = None,
                 days: Optional[int] = None, seed: Optional[int] = None):
        sc = _with_run_options(_as_scenario(scenario), days, seed)
        self.scenario = sc
        self._core = _core.CoreSimulation(sc._core, int(threads or 0), sc.overrides)

    def step(self, days: int = 1) -> int:
        """Advances ``days`` days (fewer at the end of the run); returns the days stepped."""
        if int(days) < 0:
            raise ScenarioError(f"step: days must be >= 0, got {days}")
        return self._core.step(int(days))

    def run_to_end(self) -> "Simulation":
        """Steps to the scenario's last day."""
        self._core.step(-1)
        return self

    def set(self, key: str, value: Any) -> None:
        """Changes a governance key (``platform.level`` or ``governance.platform.level``) from the
        start of the next day. The value is validated as in a scenario's ``changes:``."""
        self._core.set(key, _yaml_scalar(value))

    @property
    def day(self) -> int:
        """Days completed so far."""
        return self._core.day()

    @property
    def done(self) -> bool:
        return self._core.done()

    @property
    def timeseries(self) -> pd.DataFrame:
        """The days run so far, one row each (the columns of timeseries.csv)."""
        return _frame(self._core.series(), "timeseries")

    @property
    def grids(self) -> pd.DataFrame:
        """Per grid, the run so far (the columns of grids.csv)."""
        return _frame(self._core.grids(), "grids")

    @property
    def governance(self) -> Dict[str, Any]:
        """The design in force, as the governance block of a scenario."""
        return json.loads(self._core.governance())

    def observe(self) -> Dict[str, Any]:
        """The state after the last day stepped.

        Returns a dict: ``day`` (days completed), ``today`` (the last day's figures, a dict of
        the timeseries columns; empty before the first step), ``grids`` (per-grid figures as a
        dict of NumPy arrays, one entry per grid) and ``governance`` (the design in force).
        """
        last = self._core.last_day()
        today = {k: v[0].item() for k, v in last.items()} if len(last["day"]) else {}
        return {"day": self.day, "today": today, "grids": self._core.grids(),
                "governance": self.governance}

    def result(self) -> "Result":
        """The run so far as a :class:`Result`."""
        return Result(self._core)


class Result:
    """One run's results, as ``govsim run`` writes them.

    - ``timeseries``: DataFrame, one row per day (timeseries.csv).
    - ``grids``: DataFrame, one row per grid (grids.csv).
    - ``summary``: dict of the run's summary figures (summary.json); NaN is None.
    - ``costs``: DataFrame, the cost a year by street office, city tier and community.
    - ``manifest``: dict (manifest.json): versions, scenario and hash, seed, threads, timing.
    - ``save(dir)`` writes the four files exactly as ``govsim run --out DIR`` does.
    """

    def __init__(self, core: "_core.CoreSimulation"):
        self._core = core
        self._timeseries: Optional[pd.DataFrame] = None
        self._grids: Optional[pd.DataFrame] = None

    @property
    def timeseries(self) -> pd.DataFrame:
        if self._timeseries is None:
            self._timeseries = _frame(self._core.series(), "timeseries")
        return self._timeseries

    @property
    def grids(self) -> pd.DataFrame:
        if self._grids is None:
            self._grids = _frame(self._core.grids(), "grids")
        return self._grids

    @property
    def summary(self) -> Dict[str, Any]:
        return json.loads(self._core.summary_json())

    @property
    def costs(self) -> pd.DataFrame:
        """The cost a year of each street office, the city tier and each community (the
        ``costs`` list of summary.json): one row per place, with ``level``, ``street``,
        ``community``, ``name``, ``residents``, ``cost_total_cny_year``,
        ``cost_per_resident_year`` and the cost model's parts."""
        return pd.DataFrame(self.summary.get("costs", []))

    @property
    def manifest(self) -> Dict[str, Any]:
        return json.loads(self._core.manifest_json())

    def to_csv(self, table: str) -> str:
        """The text of ``timeseries.csv`` or ``grids.csv``, byte for byte as the CLI writes it."""
        if table == "timeseries":
            return self._core.timeseries_csv()
        if table == "grids":
            return self._core.grids_csv()
        raise ValueError(f"table: expected 'timeseries' or 'grids', got {table!r}")

    def save(self, directory: Union[str, os.PathLike]) -> List[str]:
        """Writes timeseries.csv, grids.csv, summary.json and manifest.json into ``directory``."""
        directory = os.fspath(directory)
        os.makedirs(directory, exist_ok=True)
        self._core.save(directory)
        return [os.path.join(directory, n)
                for n in ("timeseries.csv", "grids.csv", "summary.json", "manifest.json")]

    def __repr__(self) -> str:
        return f"<govsim.Result {self._core.day()} days>"


def _with_run_options(sc: Scenario, days: Optional[int], seed: Optional[int]) -> Scenario:
    """``days`` and ``seed`` as ``govsim run --days --seed`` apply them: after the other
    changes, and a warm-up longer than the run shortened to a tenth of it unless set."""
    extra = []
    if days is not None:
        extra.append(f"run.days={_yaml_scalar(days)}")
    if seed is not None:
        extra.append(f"run.seed={_yaml_scalar(seed)}")
    if days is not None and not any(o.startswith("run.warmup_days=") for o in sc.overrides):
        if isinstance(days, (int, np.integer)) and not isinstance(days, bool):
            fitted = _core.warmup_to_fit(sc._core.warmup_days, int(days))
            if fitted is not None:
                extra.append(f"run.warmup_days={fitted}")
    return sc.with_overrides(extra) if extra else sc


def run(scenario: Union[str, Scenario, None] = None, days: Optional[int] = None,
        seed: Optional[int] = None, threads: Optional[int] = None) -> Result:
    """Runs a scenario to its end and returns its :class:`Result`.

    ``scenario``: a :class:`Scenario`, a shipped name or a YAML path (None: the baseline).
    ``days``, ``seed``: as ``govsim run --days --seed``. ``threads``: worker threads (None or
    0: every core); the results are the same bits at any thread count. The GIL is released
    while the engine runs; Ctrl-C raises KeyboardInterrupt between two days.
    """
    sim = Simulation(scenario, threads=threads, days=days, seed=seed)
    sim.run_to_end()
    return Result(sim._core)


# ----------------------------------------------------------------------------------------------
# Experiments of many runs


def _floats(texts: pd.Series) -> pd.Series:
    """Numbers written as text by the CLI, read back to the same bits ("" is NaN)."""
    return texts.fillna("").replace("", "nan").astype("float64")


_RUNS_DTYPES = {"run_key": str, "label": str, "status": str, "error": str, "scenario": str,
                "scenario_hash": str, "started_utc": str, "host": str}


class Results:
    """The tables of a results store, as ``govsim export DB --csv DIR`` writes them.

    - ``runs``: one row per run (design, label, replication, seed, status, timings, and one
      column per varied key).
    - ``summaries``: one row per run and outcome (run_key, design, label, replication, seed,
      metric, value); ``summary_table()`` pivots it to one row per run.
    - ``statistics``: one row per design and outcome: n, mean, sd, 95 % interval, and the
      paired difference from the first design with its interval.
    - ``series``: one row per run, day and metric (read on first use; it can be large).
    - ``seek``: a seek's path, one row per point evaluated (None unless a seek).
    - ``sensitivity``: a sensitivity analysis' rankings (None unless one).
    - ``plan``: the experiment's plan (dict); ``path``: the store's file, or None in memory.
    - ``to_csv(table)``: the table's text, byte for byte as ``govsim export`` writes the file.
    """

    def __init__(self, core: "_core.CoreStore", path: Optional[str]):
        self._core = core
        self.path = path
        self._series: Optional[pd.DataFrame] = None
        vary = self.plan.get("vary_keys", [])
        varied = {k: str for k in vary}
        self.runs = self._read(core.runs_csv(), "runs", {**_RUNS_DTYPES, **varied})
        self.summaries = self._read(core.summaries_csv(), "summaries",
                                    {"run_key": str, "label": str, "metric": str, "value": str,
                                     **varied})
        self._value_text = self.summaries["value"]
        # Every figure is a number but the state hash (16 hex digits): NaN here, text in
        # summary_table().
        self.summaries["value"] = _floats(self.summaries["value"].where(
            self.summaries["metric"] != "state_hash", ""))
        self.statistics = self._read(core.statistics_csv(), "statistics",
                                     {"label": str, "metric": str, **varied})

    @staticmethod
    def _read(text: str, name: str, dtypes: Dict[str, Any]) -> pd.DataFrame:
        # round_trip: every number reads back to the bits the run wrote.
        df = pd.read_csv(io.StringIO(text), dtype=dtypes, keep_default_na=False, na_values=[""],
                         float_precision="round_trip")
        for column, kind in dtypes.items():
            if kind is str and column in df:
                df[column] = df[column].fillna("")
        df.attrs["name"] = name
        return df

    @property
    def plan(self) -> Dict[str, Any]:
        return json.loads(self._core.plan_json())

    def to_csv(self, table: str) -> str:
        """runs, summaries, series, statistics, sensitivity or seek, as ``govsim export`` writes
        it ("" for sensitivity and seek when the experiment is not one)."""
        texts = {"runs": self._core.runs_csv, "summaries": self._core.summaries_csv,
                 "series": self._core.series_csv, "statistics": self._core.statistics_csv,
                 "sensitivity": self._core.sensitivity_csv, "seek": self._core.seek_csv}
        if table not in texts:
            raise ValueError(f"table: expected one of {', '.join(texts)}, got {table!r}")
        return texts[table]()

    @property
    def seek(self) -> Optional[pd.DataFrame]:
        text = self._core.seek_csv()
        vary = self.plan.get("vary_keys", [])
        return self._read(text, "seek", {"label": str, "target": str, "minimize": str,
                                         "mode": str, **{k: str for k in vary}}) if text else None

    @property
    def answer(self) -> Optional[Dict[str, Any]]:
        """A seek's answer: its row of ``seek`` as a dict (label, the varied keys' values,
        estimates); None when no point met the target or the store holds no seek."""
        path = self.seek
        if path is None or not (path["answer"] == 1).any():
            return None
        return path[path["answer"] == 1].iloc[0].to_dict()

    @property
    def sensitivity(self) -> Optional[pd.DataFrame]:
        text = self._core.sensitivity_csv()
        return self._read(text, "sensitivity", {"outcome": str, "key": str}) if text else None

    @property
    def series(self) -> pd.DataFrame:
        if self._series is None:
            self._series = self._read(self._core.series_csv(), "series",
                                      {"run_key": str, "label": str, "metric": str})
        return self._series

    def summary_table(self) -> pd.DataFrame:
        """One row per finished run, one column per summary figure (state_hash as text)."""
        s = self.summaries.assign(value=self._value_text)
        index = ["run_key", "design", "label", "replication", "seed",
                 *self.plan.get("vary_keys", [])]
        wide = s.pivot(index=index, columns="metric", values="value")
        metrics = list(dict.fromkeys(s["metric"]))
        wide = wide[metrics].reset_index()
        wide.columns.name = None
        for m in metrics:
            if m != "state_hash":
                wide[m] = _floats(wide[m])
        return wide.sort_values(["design", "replication"], kind="stable").reset_index(drop=True)

    def meta(self, key: str) -> Optional[str]:
        return self._core.meta(key)


def _batch_options(days, seed, replications, jobs, db, overwrite, resume, series, overrides,
                   command) -> Dict[str, Any]:
    if overwrite and resume:
        raise ScenarioError("overwrite and resume contradict each other: choose one")
    common = list(overrides or [])
    if days is not None:
        common.append(f"run.days={_yaml_scalar(days)}")
    return dict(overrides=common, seed=int(seed), replications=int(replications),
                jobs=int(jobs or 0), db=os.fspath(db) if db else "",
                mode="overwrite" if overwrite else "resume" if resume else "fresh",
                series=bool(series), command=command)


def compare(designs: Sequence[Union[str, Scenario]], replications: int = 5, *,
            days: Optional[int] = None, seed: int = 1, jobs: Optional[int] = None,
            db: Optional[Union[str, os.PathLike]] = None, overwrite: bool = False,
            resume: bool = False, series: bool = True,
            set: Optional[Sequence[str]] = None) -> Results:
    """Paired replications of several designs, as ``govsim compare A B ... -r R``.

    Replication i of every design runs with seed ``seed + i`` (common random numbers).
    ``designs``: shipped names, YAML paths or Scenarios (their ``set`` changes become the
    design's overrides). ``days`` and ``set`` (``key=value`` texts) apply to every design, as
    ``--days`` and ``--set``. ``db``: also write the CLI's SQLite store there (``overwrite``,
    ``resume`` as the CLI's flags). Returns :class:`Results`, equal row for row to
    ``govsim export``'s tables of the same experiment.
    """
    core_designs = []
    for d in designs:
        if isinstance(d, Scenario):
            name, overrides = d._for_batch()
            core_designs.append(("", name, overrides))
        else:
            core_designs.append(("", os.fspath(d), []))
    options = _batch_options(days, seed, replications, jobs, db, overwrite, resume, series, set,
                             "python: govsim.compare")
    store = _core.compare(core_designs, **options)
    return Results(store, options["db"] or None)


def _vary_texts(vary: Union[Dict[str, Any], Sequence[str]]) -> List[str]:
    """{key: [levels]} or {key: "lo:hi:step"} as the CLI's --vary / --over texts."""
    if not isinstance(vary, dict):
        return list(vary)
    texts = []
    for key, levels in vary.items():
        if isinstance(levels, str):
            texts.append(f"{key}={levels}")
        else:
            texts.append(f"{key}=" + ",".join(_yaml_scalar(v).strip('"') for v in levels))
    return texts


def _batch_scenario(scenario: Union[str, Scenario, None]) -> "tuple[str, List[str]]":
    if isinstance(scenario, Scenario):
        return scenario._for_batch()
    return ("", []) if scenario is None else (os.fspath(scenario), [])


def sweep(scenario: Union[str, Scenario, None], vary: Union[Dict[str, Any], Sequence[str]], *,
          method: str = "factorial", samples: int = 0, sample_seed: Optional[int] = None,
          replications: int = 5, days: Optional[int] = None, seed: int = 1,
          jobs: Optional[int] = None, db: Optional[Union[str, os.PathLike]] = None,
          overwrite: bool = False, resume: bool = False, series: bool = True,
          set: Optional[Sequence[str]] = None) -> Results:
    """A factorial or Latin-hypercube design over scenario keys, as ``govsim sweep``.

    ``vary``: ``{"governance.platform.level": [0, 0.5, 1]}`` (a list of levels) or
    ``{"key": "0:1:0.25"}`` (a range as the CLI writes it), or the CLI's ``--vary`` texts.
    ``method="lhs"`` with ``samples=N`` samples N points (``sample_seed`` defaults to ``seed``).
    """
    texts = _vary_texts(vary)
    name, overrides = _batch_scenario(scenario)
    options = _batch_options(days, seed, replications, jobs, db, overwrite, resume, series,
                             list(overrides) + list(set or []), "python: govsim.sweep")
    store = _core.sweep(name, texts, method, int(samples),
                        int(seed if sample_seed is None else sample_seed), **options)
    return Results(store, options["db"] or None)


def seek(scenario: Union[str, Scenario, None], over: Union[Dict[str, Any], Sequence[str]],
         target: Optional[str] = None, *, minimize: Optional[str] = None,
         budget: Optional[str] = None, maximize: Optional[str] = None, confidence: float = 0.95,
         replications: int = 5, days: Optional[int] = None, seed: int = 1,
         jobs: Optional[int] = None, db: Optional[Union[str, os.PathLike]] = None,
         overwrite: bool = False, resume: bool = False, series: bool = True,
         set: Optional[Sequence[str]] = None) -> Results:
    """The cheapest point of a grid that meets a target with stated confidence, as
    ``govsim seek SCENARIO --target T --minimize M --over KEY=lo:hi:step``.

    ``over`` maps each key to its values (a list, or the CLI's ``"lo:hi:step"``); ``target`` is
    the CLI's text, e.g. ``"response_time_p90_h<=24"``. The returned :class:`Results` has the
    path in ``seek`` (one row per point evaluated, in order) and the answer in ``answer``.

    With ``budget`` instead of ``target`` (e.g. ``"cost_total_cny_year<=2e7"``, an upper limit)
    and ``maximize`` or ``minimize`` naming an outcome, it is ``govsim seek --budget``: the point
    of best mean outcome whose one-sided bound of the budget's expression is within it.
    """
    if (target is None) == (budget is None):
        raise ValueError("seek: give target (the cheapest point meeting it) or budget with "
                         "maximize or minimize (the best point within it), not both")
    if minimize is not None and maximize is not None:
        raise ValueError("seek: give minimize or maximize, not both")
    if budget is not None and minimize is None and maximize is None:
        raise ValueError("seek: budget " + budget + ": name the outcome to make best within it, "
                         "e.g. maximize='trust_mean'")
    if target is not None and maximize is not None:
        raise ValueError("seek: maximize goes with budget; with target seek minimises a cost")
    texts = _vary_texts(over)
    name, overrides = _batch_scenario(scenario)
    options = _batch_options(days, seed, replications, jobs, db, overwrite, resume, series,
                             list(overrides) + list(set or []), "python: govsim.seek")
    if budget is not None:
        options["budget"] = budget
    if maximize is not None:
        options["maximize"] = maximize
    store = _core.seek(name, texts, target or "", minimize or "cost", float(confidence),
                       **options)
    return Results(store, options["db"] or None)


def open_results(db: Union[str, os.PathLike]) -> Results:
    """Reads a results store written by the CLI or by Python (compare, sweep, seek,
    sensitivity) into the same :class:`Results` frames."""
    path = os.fspath(db)
    return Results(_core.CoreStore(path), path)
