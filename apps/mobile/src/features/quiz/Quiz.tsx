// The lesson's quiz: pick an answer per question, then see the score and the right answers.
import type { QuizQuestion } from "@lm/core";
import { useState } from "react";
import { Pressable, StyleSheet, Text, View } from "react-native";
import { Button } from "../../components/ui/Button";
import { colors, radius, space } from "../../components/ui/theme";

export function scoreQuiz(quiz: QuizQuestion[], answers: Record<number, number>): number {
  return quiz.reduce((n, q, i) => n + (answers[i] === q.answerIndex ? 1 : 0), 0);
}

export function Quiz({ quiz }: { quiz: QuizQuestion[] }) {
  const [answers, setAnswers] = useState<Record<number, number>>({});
  const [checked, setChecked] = useState(false);
  if (quiz.length === 0) return null;
  const complete = quiz.every((_, i) => answers[i] !== undefined);

  return (
    <View style={styles.quiz}>
      <Text accessibilityRole="header" style={styles.heading}>
        Quiz
      </Text>
      {quiz.map((q, qi) => (
        <View key={q.question} style={styles.question} accessibilityRole="radiogroup" accessibilityLabel={q.question}>
          <Text style={styles.questionText}>
            {qi + 1}. {q.question}
          </Text>
          {q.choices.map((choice, ci) => {
            const picked = answers[qi] === ci;
            const right = checked && ci === q.answerIndex;
            const wrong = checked && picked && ci !== q.answerIndex;
            return (
              <Pressable
                key={choice}
                accessibilityRole="radio"
                accessibilityLabel={choice}
                accessibilityState={{ checked: picked, disabled: checked }}
                // react-native-web drops accessibilityState; role=radio needs aria-checked on the web.
                aria-checked={picked}
                disabled={checked}
                onPress={() => setAnswers((a) => ({ ...a, [qi]: ci }))}
                style={[styles.choice, picked && styles.picked, right && styles.right, wrong && styles.wrong]}
              >
                <Text style={styles.choiceText}>
                  {choice}
                  {right ? "  ✓" : wrong ? "  ✗" : ""}
                </Text>
              </Pressable>
            );
          })}
        </View>
      ))}
      {checked ? (
        <>
          <Text accessibilityRole="alert" style={styles.score}>
            You got {scoreQuiz(quiz, answers)} of {quiz.length} right.
          </Text>
          <Button
            label="Try again"
            variant="secondary"
            onPress={() => {
              setAnswers({});
              setChecked(false);
            }}
          />
        </>
      ) : (
        <Button label="Check answers" onPress={() => setChecked(true)} disabled={!complete} />
      )}
    </View>
  );
}

const styles = StyleSheet.create({
  quiz: { marginBottom: space.lg },
  heading: { fontSize: 20, fontWeight: "700", color: colors.text, marginBottom: space.sm },
  question: { marginBottom: space.md },
  questionText: { fontSize: 16, fontWeight: "600", color: colors.text, marginBottom: space.sm },
  choice: {
    borderWidth: 1,
    borderColor: colors.border,
    borderRadius: radius,
    padding: space.md,
    marginBottom: space.xs,
    backgroundColor: colors.card,
  },
  picked: { borderColor: colors.primary, backgroundColor: "#EEF2FF" },
  right: { borderColor: colors.success, backgroundColor: "#DCFCE7" },
  wrong: { borderColor: colors.danger, backgroundColor: "#FEE2E2" },
  choiceText: { color: colors.text, fontSize: 15 },
  score: { fontSize: 16, fontWeight: "600", color: colors.text, marginBottom: space.sm },
});
