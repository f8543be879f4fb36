"""The ``tongcheng`` command (also ``python -m tongcheng.cli``): run the suite and play a season through the gateway.

Commands: ``up`` / ``down`` (start / stop the five processes and the staff console), ``import-schools|seats|plans|
semesters|tariffs FILE`` and ``import-district PATH`` (the bureau's files through the import endpoints),
``rekey-search-hashes`` (the keyed hashes under a new key), ``purge-access-log`` (access records past retention
on every service), ``generate``, ``stubs``, ``season``, ``demo``, ``verify-run
FILE`` (no suite needed) and ``staff`` (the console's accounts). Every call to the suite goes through the gateway
(``--gateway``; by default the one ``tongcheng up`` started, whose address it records in ``var/run/gateway.url``
— on free ports too —, else http://127.0.0.1:8000) with the real roles' credentials from ``var/tokens.json``.
``tongcheng COMMAND --help`` explains each.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import threading
from pathlib import Path

import httpx
from rich.console import Console

from common.vocabulary import DEPARTMENTS
from tongcheng.api import DEFAULT_GATEWAY, ApiError, Gateway, Roles, load_tokens
from tongcheng.practice import PRACTICE_SEASON
from tongcheng.suite import DEFAULT_PORTS, REPO, SERVICES, Suite

console = Console()


def _faults_args(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("imperfect departments (shares 0–1 of requests)")
    g.add_argument("--mismatch", type=float, default=0.0, help="answer this share 'mismatch'")
    g.add_argument("--not-found", type=float, default=0.0, help="answer this share 'not_found'")
    g.add_argument("--falsified", type=float, default=0.0, help="answer this share 'falsified' (a veto)")
    g.add_argument("--delay", type=float, default=0.0, help="seconds to wait before posting each batch")
    g.add_argument("--error-rate", type=float, default=0.0,
                   help="share of requests left unanswered in a pass (tried again in the next)")


def _faults(args: argparse.Namespace):
    from tongcheng.stubs import Faults

    return Faults(mismatch=args.mismatch, not_found=args.not_found, falsified=args.falsified, delay_s=args.delay,
                  error_rate=args.error_rate, seed=args.seed)


def _cohort_args(p: argparse.ArgumentParser, size: int = 6000) -> None:
    p.add_argument("--size", type=int, default=size, help=f"number of applications (default {size})")
    p.add_argument("--seed", type=int, default=2025, help="random seed; the same seed gives the same cohort")


GATEWAY_URL_FILE = Path("run") / "gateway.url"
"""Under ``var/``: the address of the gateway ``tongcheng up`` started (removed by ``tongcheng down``)."""


def running_gateway(var: Path) -> str:
    """The gateway of the suite ``tongcheng up`` started with this ``var`` (``--free-ports`` included), else the
    default address."""
    try:
        return (var / GATEWAY_URL_FILE).read_text(encoding="utf-8").strip() or DEFAULT_GATEWAY
    except FileNotFoundError:
        return DEFAULT_GATEWAY


def _common(p: argparse.ArgumentParser, gateway: bool = True) -> None:
    p.add_argument("--var", type=Path, default=REPO / "var", help="folder of secrets, tokens, data, logs (var/)")
    if gateway:
        p.add_argument("--gateway", default=None,
                       help=f"gateway URL (default: the one `tongcheng up` started, else {DEFAULT_GATEWAY})")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="tongcheng", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("up", help="start the gateway and the four services (SQLite in var/data)",
                       description="Start the five processes on the embedded default and print their ports "
                                   "(make up). They keep running until `tongcheng down`.")
    p.add_argument("--free-ports", action="store_true", help="use free ports instead of 8000 and 8101–8104")
    p.add_argument("--replicas", type=int, default=1, metavar="N",
                   help="N processes of each service and of the gateway, sharing each port (SO_REUSEPORT); "
                        "needs PostgreSQL: the services' *_DATABASE_URL settings, else --postgres")
    p.add_argument("--postgres", metavar="URL", default=None,
                   help="PostgreSQL server for the services (databases tongcheng_<service> are created when "
                        "missing), e.g. postgresql://postgres@127.0.0.1:5432 (default for --replicas > 1 without "
                        "*_DATABASE_URL settings)")
    p.add_argument("--no-practice", action="store_true",
                   help=f"do not open the practice season {PRACTICE_SEASON} (tongcheng season open YEAR)")
    _common(p, gateway=False)
    p.set_defaults(func=cmd_up)

    p = sub.add_parser("staff", help="the staff console's accounts: add, disable, enable, reset, list",
                       description="Manage the people who sign in at the staff console (its own database: "
                                   "CONSOLE_DATABASE_URL, else var/data/console.db). A password not given with "
                                   "--password-stdin is generated and printed once.")
    p.add_argument("action", choices=["add", "disable", "enable", "reset", "list"])
    p.add_argument("username", nargs="?", default="")
    p.add_argument("--role", choices=["bureau", "finance", "auditor", "department", "school"], help="for add")
    p.add_argument("--department", choices=DEPARTMENTS, help="for a clerk")
    p.add_argument("--school", help="for a private school's staff (role school): the school code they confirm the "
                                    "semester roll of (在校确认), e.g. HYMB10801")
    p.add_argument("--name", help="display name (default: the username)")
    p.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    _common(p, gateway=False)
    p.set_defaults(func=cmd_staff)

    p = sub.add_parser("down", help="stop the processes started by `up`",
                       description="Stop the five processes recorded in var/run/*.pid (make down).")
    _common(p, gateway=False)
    p.set_defaults(func=cmd_down)

    for kind in ("schools", "seats", "plans", "semesters", "tariffs"):
        p = sub.add_parser(f"import-{kind}", help=f"import the bureau's {kind} file through the API",
                           description=f"Upload FILE (.csv, or .xlsx with a sheet named {kind!r}) to POST "
                                       f"/imports/{kind} as the bureau. The whole file is checked first; when any "
                                       "row is refused nothing is written, every refused row is listed, and "
                                       "FILE.errors.xlsx is written beside it with an error column. The same file "
                                       "again changes nothing and says so. Exit 0 when imported (or checked), 1 "
                                       "when refused.")
        p.add_argument("file", type=Path, help=".csv or .xlsx file")
        p.add_argument("--dry-run", action="store_true", help="check every row, write nothing")
        _common(p)
        p.set_defaults(func=cmd_import, kinds=(kind,))
    p = sub.add_parser("import-district", help="import all five files of the district (folder or workbook)",
                       description="Import schools, seats, plans, semesters and tariffs in that order from a folder "
                                   "of schools.csv, seats.csv, plans.csv, semesters.csv, tariffs.csv, or an .xlsx "
                                   "workbook with a sheet per file (data/, data/huangyan-2025.xlsx), each through "
                                   "the import endpoints; stops at the first refused file.")
    p.add_argument("file", type=Path, help="folder of CSV files or .xlsx workbook")
    p.add_argument("--dry-run", action="store_true", help="check every row, write nothing")
    _common(p)
    p.set_defaults(func=cmd_import, kinds=("schools", "seats", "plans", "semesters", "tariffs"))

    p = sub.add_parser("rekey-search-hashes", help="recompute the keyed hashes of ID numbers and phones",
                       description="After ENROLLMENT_SEARCH_KEY changed (the old key set as "
                                   "ENROLLMENT_SEARCH_KEY_PREVIOUS, the service restarted): POST "
                                   "/api/enrollment/search-keys/rekey as bureau-1 in batches until none is left, "
                                   "printing counts (never a number). Resumable: run it again after a stop.")
    p.add_argument("--batch", type=int, default=1000, help="applications per call (1-10000)")
    _common(p)
    p.set_defaults(func=cmd_rekey_search_hashes)

    p = sub.add_parser("purge-access-log", help="purge access records past retention (as the auditor)",
                       description="POST /api/<service>/access-log/purge as auditor-1 on enrollment, points, "
                                   "verification and funding (each keeps the records of its own reads): delete "
                                   "the records of reads of personal data kept longer than "
                                   "<SERVICE>_ACCESS_LOG_KEEP_YEARS after their season's school year, and print "
                                   "how many per service (never silent).")
    p.add_argument("--dry-run", action="store_true", help="count what would go, delete nothing")
    _common(p)
    p.set_defaults(func=cmd_purge_access_log)

    p = sub.add_parser("generate", help="write a synthetic cohort (applications, registry) to files",
                       description="Generate a reproducible synthetic cohort and write applications.jsonl (the "
                                   "bodies the platform submits), families.jsonl (with the truth and what was "
                                   "planted) and registry.json (what the departments hold).")
    _cohort_args(p)
    p.add_argument("--out", type=Path, default=REPO / "var" / "cohort", help="output folder (default var/cohort)")
    p.set_defaults(func=cmd_generate)

    p = sub.add_parser("stubs", help="run stub departments answering verification requests",
                       description="Stub departments pull their own queue through the gateway with their own "
                                   "credential and answer from the synthetic registry (regenerated from --size "
                                   "and --seed, or read from --registry), posting batches of up to 1,000.")
    p.add_argument("--department", action="append", choices=[*DEPARTMENTS, "all"],
                   help="department(s) to run (repeatable; default all)")
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--once", action="store_true", help="one pass over the queue, then exit (default)")
    mode.add_argument("--loop", action="store_true", help="keep answering until interrupted")
    p.add_argument("--registry", type=Path, help="registry.json written by `generate` or the demo")
    p.add_argument("--season", type=int, default=2025)
    _cohort_args(p)
    _faults_args(p)
    _common(p)
    p.set_defaults(func=cmd_stubs)

    p = sub.add_parser("season", help="play a season against a running suite, or open one to practise on",
                       description="Play the whole season through the gateway of a running suite (`tongcheng up`): "
                                   "load the district, submit, verify (stub departments in this process unless "
                                   "--no-stubs), score, place, appeal, finalise, settle, pay, audit, report. "
                                   "`tongcheng season open YEAR` only opens YEAR: its rulebook HY-YEAR published, "
                                   "the district's schools, seats, plans, semesters and tariffs loaded.")
    p.add_argument("action", nargs="?", choices=["open"], help="open: only open the season (practice)")
    p.add_argument("year", nargs="?", type=int, help="the season to open (with open)")
    _cohort_args(p)
    p.add_argument("--district", type=Path, help="district data (folder or .xlsx; default: bundled, scaled to --size)")
    p.add_argument("--no-stubs", action="store_true", help="departments are run elsewhere (`tongcheng stubs --loop`)")
    p.add_argument("--report", type=Path, help="report folder (default var/report)")
    _faults_args(p)
    _common(p)
    p.set_defaults(func=cmd_season)

    p = sub.add_parser("demo", help="everything: start the suite, play a season, report, stop",
                       description="Start the five services on a fresh embedded database, start the four stub "
                                   "departments, play a whole season through the gateway with the real roles, "
                                   "print the summary, write var/report/, and stop everything (make demo).")
    _cohort_args(p)
    p.add_argument("--free-ports", action="store_true", help="use free ports instead of 8000 and 8101–8104")
    p.add_argument("--report", type=Path, help="report folder (default var/report)")
    p.add_argument("--quiet", action="store_true", help="no progress bars, only the summary")
    _faults_args(p)
    _common(p, gateway=False)
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("verify-run", help="re-check a run's snapshot file without the services",
                       description="Recompute every placement, the lottery keys and the input digest of a run from "
                                   "its snapshot file alone (GET /api/enrollment/runs/{id}/snapshot), and check "
                                   "capacities, own lists, cut-offs and stability. Exit 0 with a one-line verdict; "
                                   "1 naming the first difference; 2 when a file cannot be read.")
    p.add_argument("files", type=Path, nargs="+", metavar="FILE")
    p.set_defaults(func=cmd_verify_run)
    return parser


# ---- commands ----------------------------------------------------------------------------------------------------

def cmd_up(args: argparse.Namespace) -> int:
    from tongcheng.secrets import generate
    from tongcheng.staff import ensure_demo_staff

    generate(args.var)
    if args.replicas < 1:
        raise ValueError("--replicas must be 1 or more")
    suite = Suite(var=args.var, inherit_settings=True, replicas=args.replicas, console=True)
    configured = {name for name in SERVICES if os.environ.get(f"{name.upper()}_DATABASE_URL")}
    if args.postgres or (args.replicas > 1 and len(configured) < len(SERVICES)):
        from tongcheng.databases import ensure_databases

        server = args.postgres or os.environ.get("TONGCHENG_POSTGRES", "postgresql://postgres@127.0.0.1:5432")
        wanted = [n for n in SERVICES if n not in configured]
        if not os.environ.get("CONSOLE_DATABASE_URL"):
            wanted.append("console")  # the console's accounts and sessions, shared by its processes
        suite.database_urls = ensure_databases(server, wanted)
    if args.free_ports:
        from tongcheng.demo import free_ports

        suite.ports = free_ports()
    try:
        if httpx.get(suite.url() + "/health", timeout=1.0).status_code == 200:
            console.print(f"the gateway already answers at {suite.url()}: the suite is running (`make down` first)")
            return 1
    except httpx.HTTPError:
        pass
    try:
        suite.start_all()
    except RuntimeError:
        suite.stop_all()
        raise
    (args.var / GATEWAY_URL_FILE).write_text(suite.url() + "\n", encoding="utf-8")  # the other commands' default
    accounts = ensure_demo_staff(args.var, suite.database_urls.get("console"))
    if not args.no_practice:
        _open_season(Roles.connect(suite.url(), args.var), PRACTICE_SEASON)
    for name, port in suite.ports.items():
        console.print(f"{name:<13} http://127.0.0.1:{port}" + (f"  ({args.replicas} processes)" if args.replicas > 1
                                                               else ""))
    console.print(f"[bold]staff console[/bold]  {suite.url()}/console/  (sign in with an account from {accounts}: "
                  f"bureau, finance, auditor, {', '.join(DEPARTMENTS)}, school; `tongcheng staff --help` manages "
                  "them)")
    tokens = args.var / "tokens.json"
    console.print(f"[bold]credentials[/bold]  {tokens}: one bearer token per caller (platform-taizhou, bureau-1, "
                  "dept-police, ...); for example, the platform's applications:")
    for line in (f"TOKEN=$({sys.executable} -c 'import json,sys; print(json.load(open(sys.argv[1]))"
                 f"[\"platform-taizhou\"])' {tokens})",
                 f"curl -s '{suite.url()}/api/enrollment/applications?season={PRACTICE_SEASON}' "
                 "-H \"Authorization: Bearer $TOKEN\""):
        console.print("  " + line, markup=False, highlight=False, soft_wrap=True)
    console.print(f"API description {suite.url()}/docs; the five-minute quick start is in README.md")
    console.print(f"logs in {args.var / 'logs'}; stop with `make down`")
    return 0


def _open_season(roles: Roles, year: int) -> int:
    from tongcheng.practice import open_season

    try:
        done = open_season(roles, year)
    finally:
        roles.close()
    console.print(f"season {year} is open: rulebook HY-{year} published, {done['schools_created']} schools created, "
                  f"{done['schools_updated']} updated, {done['seats']} seat and {done['plans']} plan figures, "
                  f"{done['tariffs']} tariffs loaded (README: quick start)")
    return 0


def cmd_staff(args: argparse.Namespace) -> int:
    from tongcheng.staff import run

    if args.action != "list" and not args.username:
        raise ValueError("give the USERNAME")
    if args.action == "add" and not args.role:
        raise ValueError("add needs --role (and --department for a clerk, --school for a school's staff)")
    password = sys.stdin.readline().rstrip("\n") if args.password_stdin else None
    console.print(run(args.action, args.var, args.username, args.role or "", args.department, args.name, password,
                      school=args.school), markup=False, highlight=False)
    return 0


def cmd_down(args: argparse.Namespace) -> int:
    Suite(var=args.var).stop_all()
    (args.var / GATEWAY_URL_FILE).unlink(missing_ok=True)
    console.print("stopped")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from tongcheng.importer import errors_workbook, upload

    tokens = load_tokens(args.var)
    bureau = Gateway(args.gateway, tokens["bureau-1"], subject="bureau-1")
    try:
        for kind in args.kinds:
            path = args.file / f"{kind}.csv" if args.file.is_dir() else args.file
            if args.file.is_dir() and not path.exists():
                continue
            answer = upload(bureau, kind, path, dry_run=args.dry_run)
            if answer.get("code") == "bad_upload":
                console.print(f"[red]{path}: {answer.get('detail')}[/red]")
                return 1
            if answer.get("code") == "import_refused":
                for r in answer["refused"]:
                    where = f" {r['column']}={r['value']!r}" if r.get("column") else ""
                    console.print(f"[red]{r['sheet']} row {r['row']}{where}: {r['reason_zh']} / "
                                  f"{r['reason_en']}[/red]")
                out = errors_workbook(path, kind, answer["refused"])
                console.print(f"{kind}: {len(answer['refused'])} row(s) refused, nothing imported; see {out}")
                return 1
            console.print(f"{kind}: {answer['rows']} rows — created {answer['created']}, updated "
                          f"{answer['updated']}, unchanged {answer['unchanged']}"
                          f"{' (dry run)' if answer['dry_run'] else ''}: {answer['message']}")
    finally:
        bureau.close()
    return 0


def cmd_rekey_search_hashes(args: argparse.Namespace) -> int:
    bureau = Gateway(args.gateway, load_tokens(args.var)["bureau-1"], subject="bureau-1")
    total = 0
    try:
        while True:
            out = bureau.enrollment.post(f"/search-keys/rekey?batch={args.batch}")
            total += out["rekeyed"]
            console.print(f"re-keyed {total:,} application(s); {out['remaining']:,} left "
                          f"(key {out['key_fingerprint']})")
            if out["remaining"] == 0 or out["rekeyed"] == 0:
                return 0 if out["remaining"] == 0 else 1
    finally:
        bureau.close()


ACCESS_LOGGED = ("enrollment", "points", "verification", "funding")  # the services keeping access records


def cmd_purge_access_log(args: argparse.Namespace) -> int:
    tokens = load_tokens(args.var)
    auditor = Gateway(args.gateway, tokens["auditor-1"], subject="auditor-1")
    try:
        for name in ACCESS_LOGGED:
            out = auditor.service(name).post(f"/access-log/purge?dry_run={str(args.dry_run).lower()}")
            console.print(f"{name}: access records past retention ({out['keep_years']} year(s) after the season's "
                          f"school year): {out['expired']}; {'would purge' if out['dry_run'] else 'purged'} "
                          f"{out['expired']}; kept {out['kept']}")
    finally:
        auditor.close()
    return 0


def cmd_generate(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from tongcheng.cohort import generate
    from tongcheng.registry import Registry

    cohort = generate(args.size, args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    with (args.out / "applications.jsonl").open("w", encoding="utf-8") as fh:
        for fam in cohort.families:
            fh.write(json.dumps(fam.application(cohort.season), ensure_ascii=False) + "\n")
    with (args.out / "families.jsonl").open("w", encoding="utf-8") as fh:
        for fam in cohort.families:
            fh.write(json.dumps(asdict(fam), ensure_ascii=False) + "\n")
    Registry.from_cohort(cohort).save(args.out / "registry.json")
    grade1 = len(cohort.by_grade(1))
    console.print(f"{cohort.size:,} families (grade 1: {grade1:,}, grade 7: {cohort.size - grade1:,}) "
                  f"written to {args.out}")
    return 0


def _registry(args: argparse.Namespace):
    from tongcheng.cohort import generate
    from tongcheng.registry import Registry

    if args.registry:
        return Registry.load(args.registry)
    return Registry.from_cohort(generate(args.size, args.seed))


def cmd_stubs(args: argparse.Namespace) -> int:
    from tongcheng.stubs import StubDepartment, StubPool

    chosen = args.department or ["all"]
    departments = list(DEPARTMENTS) if "all" in chosen else list(dict.fromkeys(chosen))
    registry = _registry(args)
    roles = Roles.connect(args.gateway, args.var)
    stubs = [StubDepartment(d, roles.departments[d].verification, registry, season=args.season,
                            faults=_faults(args)) for d in departments]
    try:
        if not args.loop:
            for stub in stubs:
                stats = stub.run_once()
                console.print(f"{stub.department}: {stats.answered} answered {dict(stats.outcomes)}, "
                              f"{stats.failed} failed, {stats.rejected} rejected")
            return 0
        pool = StubPool(stubs).start()
        console.print(f"answering for {', '.join(departments)}; Ctrl-C to stop")
        try:
            threading.Event().wait()
        except KeyboardInterrupt:
            pass
        finally:
            pool.stop()
        for stub in stubs:
            console.print(f"{stub.department}: {stub.total.answered} answered {dict(stub.total.outcomes)}")
        return 0
    finally:
        roles.close()


def cmd_season(args: argparse.Namespace) -> int:
    if args.action == "open":
        return _open_season(Roles.connect(args.gateway, args.var), args.year or PRACTICE_SEASON)
    from tongcheng import report
    from tongcheng.cohort import generate
    from tongcheng.demo import make_stubs
    from tongcheng.registry import Registry
    from tongcheng.schools import for_size, load
    from tongcheng.season import Season

    district = load(args.district) if args.district else for_size(args.size)
    cohort = generate(args.size, args.seed, district=district)
    roles = Roles.connect(args.gateway, args.var)
    pool = None if args.no_stubs else make_stubs(
        roles, Registry.from_cohort(cohort), cohort.season,
        dict.fromkeys(DEPARTMENTS, _faults(args)))
    try:
        if pool:
            pool.start()
        result = Season(roles, cohort, district, pool=pool, console=console).run()
    finally:
        if pool:
            pool.stop()
        roles.close()
    summary = report.summarise(result)
    folder = args.report or args.var / "report"
    report.write(summary, result, folder)
    report.render(summary, console)
    console.print(f"report written to {folder}")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from tongcheng.demo import free_ports, run_demo

    faults = _faults(args)
    ports = free_ports() if args.free_ports else dict(DEFAULT_PORTS)
    summary, _ = run_demo(args.size, args.seed, var=args.var, ports=ports, report_dir=args.report,
                          console=console, quiet=args.quiet,
                          faults=dict.fromkeys(DEPARTMENTS, faults))
    if args.quiet:
        from tongcheng import report

        report.render(summary, console)
    from tongcheng.staff import ensure_demo_staff

    accounts = ensure_demo_staff(args.var)
    if args.free_ports:  # the demo's processes are stopped; `make up` would take 8000, maybe the busy port
        console.print(f"the demo's gateway was http://127.0.0.1:{ports['gateway']} (stopped now). To look at this "
                      "season in a browser: `tongcheng up --free-ports`, then open the staff console address it "
                      f"prints and sign in with an account from {accounts}")
    else:
        console.print(f"to look at this season in a browser: `make up`, then open "
                      f"http://127.0.0.1:{DEFAULT_PORTS['gateway']}/console/ and sign in with an account from "
                      f"{accounts}")
    return 0


def cmd_verify_run(args: argparse.Namespace) -> int:
    from tongcheng.verify_run import main as verify

    return verify(args.files)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if getattr(args, "gateway", DEFAULT_GATEWAY) is None:
        args.gateway = running_gateway(args.var)
    from tongcheng.season import SeasonError

    try:
        return args.func(args)
    except (ApiError, SeasonError, FileNotFoundError, KeyError, ValueError, RuntimeError) as exc:
        console.print(f"[red]error:[/red] {exc}")
        return 2
    except httpx.HTTPError as exc:
        console.print(f"[red]error:[/red] cannot reach the suite ({exc.__class__.__name__}: {exc}); "
                      f"is it running (`make up`)?")
        return 2
    except KeyboardInterrupt:
        console.print("interrupted")
        return 130


if __name__ == "__main__":
    sys.exit(main())
