// Checks a claim quoted in prose: is the value the number the document attaches
// to the model's name, and is it said of the claim's benchmark?
//
// Korean comparison sentences put the subject's number after its name and each
// competitor's number in parentheses after the competitor's name:
//   "MMLU 평가에서 … 미스트랄 8B는 65.0점으로 ‘라마 3.1 8B’(64.7점)…를 능가"
// and continue with the subject's numbers on further benchmarks:
//   "… 인간 선호도 평가에서는 1077점으로 GPT-4o(1079점)에 이어 2위".
// Each number of the cited line gets at most one owner, a place where a model
// is named, by the first of these rules that applies:
//   1. parentheses: a number in parentheses right after a name ("GPT-4(67%)",
//      "‘GPT-4o’(78.5점)") is that name's;
//   2. benchmark clause: the first number after a benchmark's name (no other
//      name in between, same sentence) is the subject's: the last model named
//      before it in the sentence with a subject particle (은 는 이 가 의 도,
//      optionally after "모델"), else the one model named before it in the
//      sentence, else — when no model is named before it in the sentence — the
//      last subject named earlier on the line or up to `context_lines` above
//      (a weak owner: it never makes another claim fail). A competitor quoted
//      with its number in parentheses is never the subject. The rule does not
//      apply to a name that follows its own number ("90%의 명령 수행 성공률")
//      nor to the first number of a change ("75.4%에서 88.7%로": before and
//      after may be different models);
//   3. first number: the first number after a name, before the next model's
//      name and the end of the sentence, is that name's.
// Numbers inside names ("라마 3.1 8B"), dates, counts and scales ("2017년",
// "5차례", "100점 만점") are not read (number_tokens.h).
//
// A model's names are the name as written in the claim (when it is on the line)
// or, else, any name of the model in the registry. Then, for a claim with value
// v:
//   - verified: some v on the line is owned by the model, and the nearest
//     benchmark name before it in its sentence is the claim's benchmark, or is
//     listed with it ("▲A ▲B 두 부문에 … 모두 1위"), or no benchmark is named
//     before it there and the claim's benchmark is named in the sentence,
//     earlier on the line or up to `benchmark_lines` above;
//   - error: v is not printed on the line (outside names); every v is another
//     model's (a strong owner); v follows another benchmark's name; the
//     benchmark is not named near; or the model's own number for that
//     benchmark (rules 1, 3 or a strong rule 2, with the benchmark named before
//     it) is another number and no other claim expects a second number of the
//     model and benchmark there;
//   - warning (undecided): v is printed but owned by nobody ("각각 71.1점과
//     1,041점을 받은 GPT-4V": numbers before the name; "17점에서 41점": the
//     second of two), never a silent pass.
// Sentences end at '.', '?', '!' (not between digits) and at tabs (cells).
#ifndef PODIUM_ENGINE_AUDIT_PROSE_CLAIM_H_
#define PODIUM_ENGINE_AUDIT_PROSE_CLAIM_H_

#include <vector>

#include "engine/audit/audit_finding.h"
#include "engine/audit/line_reading.h"
#include "engine/ingest/claims.h"

namespace podium {

// Checks `claim` against its cited line of `document`. `same_line`: every
// claim citing that line (the claim included), to know how many numbers of one
// model and benchmark the line should hold. REQUIRES: the line exists.
ClaimCheck CheckProseClaim(const Claim& claim, const std::vector<const Claim*>& same_line,
                           DocumentReading* document, const AuditOptions& options);

}  // namespace podium

#endif  // PODIUM_ENGINE_AUDIT_PROSE_CLAIM_H_
