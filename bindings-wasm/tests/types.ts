// Compiled with `tsc --noEmit --strict` by `make ts-check`: the generated typings must
// describe the real API precisely enough for typed code to use it without casts.
import {
  netPromoterScore,
  churnRate,
  kpiScorecard,
  sampleSnapshot,
  type NpsResult,
  type Scorecard,
  type PmkitError,
} from "../pkg/pmkit";

const nps: NpsResult = netPromoterScore(new Uint8Array([10, 9, 8, 3]));
const score: number = nps.score;
const churn: number = churnRate(200, 10);
const card: Scorecard = kpiScorecard(sampleSnapshot());
const firstValue: number | undefined = card.readings[0]?.value;

try {
  netPromoterScore([11]);
} catch (caught) {
  const err = caught as PmkitError;
  const kind: "invalid_input" | "out_of_range" | "undefined" | "parse" = err.kind;
  console.log(kind, err.field);
}

console.log(score, churn, firstValue);
