#!/usr/bin/env python3
"""Checks doorgroei's intervisie groups against two other solvers.

For each problem written by `doorgroei intervisie --dump-problem FILE`
(with doorgroei's own answer, `--format json`, beside it as
`<name>.groups.json`), this

- checks doorgroei's groups against the problem (sizes, a shared day, no
  forbidden pair, everyone at most once) and recomputes their total from
  the problem's pair scores;
- solves the problem with OR-Tools CP-SAT (60 seconds, all cores);
- solves it with a plain local search: a random feasible start, then moves
  (one person to another group, or out of or into one) and swaps (two
  people trade places) while one improves, 30 random restarts;

and prints the three totals side by side. All three place as many people as
they can first, then maximise the total (the objective of the problem file:
the sum over groups of the scores of each pair of members).

Not run by CI (it takes minutes and needs OR-Tools). To run it:

    python3 -m venv /tmp/ortools && /tmp/ortools/bin/pip install ortools
    python3 tests/intervisie/generate.py          # the rosters (already in git)
    tests/intervisie/run.sh                       # dumps, doorgroei's answers, then this script

or by hand, for a problem `p.json` and doorgroei's `p.groups.json`:

    /tmp/ortools/bin/python tests/intervisie/compare.py p.json [more.json …]
"""

import argparse
import json
import pathlib
import random
import sys
import time

DAYS = ["ma", "di", "wo", "do", "vr", "za", "zo"]


class Problem:
    def __init__(self, data):
        self.people = list(dict.fromkeys(data["people"]))
        self.index = {p: i for i, p in enumerate(self.people)}
        self.n = len(self.people)
        self.min = data["min_size"]
        self.max = data["max_size"]
        self.days = [
            {DAYS.index(d) for d in data["days"].get(p, [])} for p in self.people
        ]
        self.score = [[0] * self.n for _ in range(self.n)]
        for a, b, s in data["pair_scores"]:
            i, j = self.index[a], self.index[b]
            self.score[i][j] = self.score[j][i] = s
        self.forbidden = [[False] * self.n for _ in range(self.n)]
        for a, b in data["forbidden"]:
            i, j = self.index[a], self.index[b]
            self.forbidden[i][j] = self.forbidden[j][i] = True

    def group_ok(self, g):
        if not (self.min <= len(g) <= self.max):
            return False
        if not set.intersection(*(self.days[p] for p in g)):
            return False
        return all(not self.forbidden[p][q] for x, p in enumerate(g) for q in g[x + 1:])

    def group_score(self, g):
        return sum(self.score[p][q] for x, p in enumerate(g) for q in g[x + 1:])

    def check(self, groups):
        """(placed, total) of a grouping, after checking every rule."""
        seen = set()
        for g in groups:
            assert self.group_ok(g), f"invalid group {[self.people[p] for p in g]}"
            for p in g:
                assert p not in seen, f"{self.people[p]} twice"
                seen.add(p)
        return len(seen), sum(self.group_score(g) for g in groups)


def doorgroei(problem, path):
    data = json.loads(path.read_text(encoding="utf-8"))
    groups = [[problem.index[m] for m in g["members"]] for g in data["groups"]]
    placed, total = problem.check(groups)
    assert total == data["total_score"], f"doorgroei says {data['total_score']}, the pairs add up to {total}"
    return placed, total, data.get("upper_bound")


def cp_sat(problem, seconds):
    from ortools.sat.python import cp_model

    n, lo, hi = problem.n, problem.min, problem.max
    slots = n // lo
    m = cp_model.CpModel()
    x = [[m.new_bool_var(f"x{p}_{k}") for k in range(slots)] for p in range(n)]
    used = [m.new_bool_var(f"used{k}") for k in range(slots)]
    day = [[m.new_bool_var(f"d{k}_{d}") for d in range(7)] for k in range(slots)]
    for p in range(n):
        m.add_at_most_one(x[p])
    for k in range(slots):
        size = sum(x[p][k] for p in range(n))
        m.add(size >= lo * used[k])
        m.add(size <= hi * used[k])
        m.add(sum(day[k]) == used[k])
        if k > 0:
            m.add_implication(used[k], used[k - 1])
        for p in range(n):
            for d in range(7):
                if d not in problem.days[p]:
                    m.add_bool_or([x[p][k].Not(), day[k][d].Not()])
            # Symmetry: person p is in one of the first p + 1 groups.
            if k > p:
                m.add(x[p][k] == 0)
    for p in range(n):
        for q in range(p + 1, n):
            if problem.forbidden[p][q]:
                for k in range(slots):
                    m.add_bool_or([x[p][k].Not(), x[q][k].Not()])
    terms = []
    for p in range(n):
        for q in range(p + 1, n):
            s = problem.score[p][q]
            if s == 0 or problem.forbidden[p][q] or not (problem.days[p] & problem.days[q]):
                continue
            for k in range(slots):
                z = m.new_bool_var(f"z{p}_{q}_{k}")
                if s > 0:
                    m.add_implication(z, x[p][k])
                    m.add_implication(z, x[q][k])
                else:
                    m.add_bool_or([x[p][k].Not(), x[q][k].Not(), z])
                terms.append(s * z)
    big = sum(abs(problem.score[p][q]) for p in range(n) for q in range(p + 1, n)) + 1
    m.maximize(big * sum(x[p][k] for p in range(n) for k in range(slots)) + sum(terms))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = seconds
    status = solver.solve(m)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None, solver.status_name(status), None
    groups = [[p for p in range(n) if solver.value(x[p][k])] for k in range(slots)]
    groups = [g for g in groups if g]
    placed, total = problem.check(groups)
    bound = solver.best_objective_bound - big * placed
    return (placed, total), solver.status_name(status), bound


def local_search(problem, restarts, seed):
    """Moves and swaps from a random start, first improvement, restarts."""
    rng = random.Random(seed)
    n, lo, hi = problem.n, problem.min, problem.max
    count = max(1, -(-n // hi))
    big = 1 + sum(abs(problem.score[p][q]) for p in range(n) for q in range(p + 1, n))

    def value(groups):
        # Groups below the minimum count their people as left out.
        total = 0
        for g in groups:
            if len(g) >= lo:
                total += big * len(g) + problem.group_score(g)
        return total

    def fits(g, p):
        if len(g) >= hi:
            return False
        if g and not (set.intersection(*(problem.days[q] for q in g)) & problem.days[p]):
            return False
        return all(not problem.forbidden[p][q] for q in g)

    best = None
    for _ in range(restarts):
        groups = [[] for _ in range(count)]
        order = list(range(n))
        rng.shuffle(order)
        out = []
        for p in order:
            options = [g for g in groups if fits(g, p)]
            if options:
                rng.choice(options).append(p)
            else:
                out.append(p)
        current = value(groups)
        improved = True
        while improved:
            improved = False
            people = [(p, gi) for gi, g in enumerate(groups) for p in g] + [(p, None) for p in out]
            rng.shuffle(people)
            for p, a in people:
                source = groups[a] if a is not None else out
                if p not in source:
                    continue
                # Moves: to another group, or out.
                targets = list(range(len(groups))) + [None]
                rng.shuffle(targets)
                for b in targets:
                    if b == a:
                        continue
                    if b is not None and not fits(groups[b], p):
                        continue
                    source.remove(p)
                    (groups[b] if b is not None else out).append(p)
                    v = value(groups)
                    if v > current:
                        current, improved = v, True
                        break
                    (groups[b] if b is not None else out).remove(p)
                    source.append(p)
                else:
                    # Swaps with someone in another group (or out).
                    others = [(q, gi) for gi, g in enumerate(groups) if gi != a for q in g]
                    others += [(q, None) for q in out if a is not None]
                    rng.shuffle(others)
                    for q, b in others:
                        target = groups[b] if b is not None else out
                        source.remove(p)
                        target.remove(q)
                        ok = (b is None or fits(target, p)) and (a is None or fits(source, q))
                        if ok:
                            target.append(p)
                            source.append(q)
                            v = value(groups)
                            if v > current:
                                current, improved = v, True
                                break
                            target.remove(p)
                            source.remove(q)
                        source.append(p)
                        target.append(q)
        valid = [g for g in groups if len(g) >= lo]
        placed, total = problem.check(valid)
        if best is None or (placed, total) > best:
            best = (placed, total)
    return best


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("problems", nargs="+", type=pathlib.Path)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--restarts", type=int, default=30)
    args = parser.parse_args()
    rows = []
    for path in args.problems:
        problem = Problem(json.loads(path.read_text(encoding="utf-8")))
        ours = doorgroei(problem, path.with_suffix("").with_suffix(".groups.json"))
        t = time.time()
        sat, status, bound = cp_sat(problem, args.seconds)
        sat_time = time.time() - t
        t = time.time()
        ls = local_search(problem, args.restarts, seed=18)
        ls_time = time.time() - t
        rows.append((path.stem, problem.n, ours, sat, status, bound, sat_time, ls, ls_time))
        print(f"{path.stem}: doorgroei {ours[1]} (placed {ours[0]}, bound {ours[2]}), "
              f"CP-SAT {sat and sat[1]} ({status}, bound {bound}, {sat_time:.0f} s), "
              f"local search {ls[1]} (placed {ls[0]}, {ls_time:.1f} s)", flush=True)
    print()
    print(f"| problem | people | doorgroei | CP-SAT {args.seconds:g} s (bound) | "
          f"local search, {args.restarts} restarts | doorgroei vs best other |")
    print("| --- | --- | --- | --- | --- | --- |")
    for name, n, ours, sat, status, bound, _, ls, _ in rows:
        others = [r for r in (sat, ls) if r]
        best = max(others)
        gap = 100.0 * (ours[1] - best[1]) / abs(best[1]) if best[1] else 0.0
        sat_text = f"{sat[1]} ({bound:.0f}, {status.lower()})" if sat else status
        print(f"| {name} | {n} | {ours[1]} | {sat_text} | {ls[1]} | {gap:+.2f} % |")
        if ours[0] < best[0]:
            print(f"doorgroei placed {ours[0]}, another solver {best[0]}", file=sys.stderr)


if __name__ == "__main__":
    main()
