// The lesson's quiz: pick an answer, check it, see whether it was right and which one was.
import type { QuizQuestion } from "@lm/core";
import { useId, useState } from "react";
import { Button } from "../../../components/ui/Button";
import { api } from "../../../lib/api";

function Question({
  q,
  n,
  onAnswered,
}: {
  q: QuizQuestion;
  n: number;
  onAnswered(correct: boolean, choice: number): void;
}) {
  const [choice, setChoice] = useState<number | null>(null);
  const [checked, setChecked] = useState(false);
  const name = useId();
  const correct = checked && choice === q.answerIndex;
  return (
    <fieldset className="rounded-xl border border-line p-4">
      <legend className="px-1 text-sm font-semibold text-fg">
        Question {n}: {q.question}
      </legend>
      <div className="mt-2 flex flex-col gap-2">
        {q.choices.map((c, i) => {
          const state = !checked
            ? ""
            : i === q.answerIndex
              ? "border-success bg-success/10"
              : i === choice
                ? "border-danger bg-danger/10"
                : "";
          const id = `${name}-${i}`;
          return (
            <div key={c} className={`flex items-center gap-3 rounded-lg border border-line px-3 py-2 ${state}`}>
              <input
                id={id}
                type="radio"
                name={name}
                value={i}
                checked={choice === i}
                disabled={checked}
                onChange={() => setChoice(i)}
                className="size-4 accent-[var(--lm-brand)]"
              />
              <label htmlFor={id} className="flex-1 text-sm text-fg">
                {c}
                {checked && i === q.answerIndex && (
                  <span className="ml-2 font-semibold text-success">(correct answer)</span>
                )}
              </label>
            </div>
          );
        })}
      </div>
      <div className="mt-3 flex items-center gap-3">
        {!checked ? (
          <Button
            size="sm"
            disabled={choice === null}
            onClick={() => {
              setChecked(true);
              if (choice !== null) onAnswered(choice === q.answerIndex, choice);
            }}
          >
            Check answer
          </Button>
        ) : (
          <p role="status" className={`text-sm font-semibold ${correct ? "text-success" : "text-danger"}`}>
            {correct ? "Correct! Well done." : `Not quite. The answer is “${q.choices[q.answerIndex]}”.`}
          </p>
        )}
      </div>
    </fieldset>
  );
}

/**
 * With `videoId` (a signed-in student) each checked answer is recorded: a wrong one puts the
 * question in the student's review deck. Recording is best effort; the quiz works without it.
 */
export function Quiz({ questions, videoId }: { questions: QuizQuestion[]; videoId?: string }) {
  const [results, setResults] = useState<Record<number, boolean>>({});
  const [round, setRound] = useState(0);
  const answered = Object.keys(results).length;
  const score = Object.values(results).filter(Boolean).length;
  if (questions.length === 0) return <p className="text-sm text-muted">This lesson has no quiz.</p>;
  return (
    <div className="flex flex-col gap-4" key={round}>
      {questions.map((q, i) => (
        <Question
          key={`${round}-${q.question}`}
          q={q}
          n={i + 1}
          onAnswered={(ok, choice) => {
            setResults((r) => ({ ...r, [i]: ok }));
            if (videoId)
              void api
                .answerQuiz(videoId, { questionIndex: i, choiceIndex: choice, clientId: crypto.randomUUID() })
                .catch(() => undefined);
          }}
        />
      ))}
      {answered === questions.length && (
        <div className="flex flex-wrap items-center gap-3 rounded-xl bg-brand-soft px-4 py-3">
          <p role="status" className="font-semibold text-fg">
            You scored {score} of {questions.length}.
          </p>
          <Button
            size="sm"
            variant="secondary"
            onClick={() => {
              setResults({});
              setRound((r) => r + 1);
            }}
          >
            Try again
          </Button>
        </div>
      )}
    </div>
  );
}
