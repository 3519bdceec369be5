-- Review cards (issue 17): a student's deck made from lessons, scheduled with FSRS (ts-fsrs), the
-- review log the FSRS optimiser reads, per-student scheduler settings and recorded quiz answers.
-- All four are the student's alone: no one else, moderators included, reads or writes them.

CREATE TABLE public.cards (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES public.users(id) ON DELETE CASCADE,
  video_id uuid NOT NULL REFERENCES public.videos(id) ON DELETE CASCADE,
  -- Which part of the lesson: key point n or quiz question n. One card per part per student, so
  -- adding a lesson twice (or missing a question already in the deck) never duplicates a card.
  kind text NOT NULL CHECK (kind IN ('KEY_POINT', 'QUIZ')),
  item_index integer NOT NULL CHECK (item_index >= 0),
  -- LESSON: added with the lesson; MISSED_QUIZ: added because the student answered it wrong.
  origin text NOT NULL DEFAULT 'LESSON' CHECK (origin IN ('LESSON', 'MISSED_QUIZ')),
  -- Copied from the lesson when added: a regenerated lesson must not change a card under review.
  front text NOT NULL CHECK (length(front) <= 5000),
  back text NOT NULL CHECK (length(back) <= 5000),
  -- The second of the video that covers the card ("watch the moment").
  at_second integer CHECK (at_second >= 0),
  -- FSRS memory state, ts-fsrs's Card (state: 0 New, 1 Learning, 2 Review, 3 Relearning).
  state smallint NOT NULL DEFAULT 0 CHECK (state BETWEEN 0 AND 3),
  due timestamptz NOT NULL DEFAULT now(),
  stability double precision NOT NULL DEFAULT 0,
  difficulty double precision NOT NULL DEFAULT 0,
  scheduled_days integer NOT NULL DEFAULT 0,
  learning_steps integer NOT NULL DEFAULT 0,
  reps integer NOT NULL DEFAULT 0,
  lapses integer NOT NULL DEFAULT 0,
  last_review timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (user_id, video_id, kind, item_index)
);
-- The due queue and the due/overdue counts: one range scan per student.
CREATE INDEX cards_user_due ON public.cards (user_id, due);

-- One row per review, in the shape the FSRS optimiser (@open-spaced-repetition/binding, fsrs-rs)
-- reads: the card, the rating, when, the days since the previous review and the state it was in.
-- Rows are never rewritten: the log is the history, the card row is derived from it.
CREATE TABLE public.review_log (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES public.users(id) ON DELETE CASCADE,
  card_id uuid NOT NULL REFERENCES public.cards(id) ON DELETE CASCADE,
  -- Chosen by the device: an offline review replayed twice is recorded once.
  client_id uuid NOT NULL,
  rating smallint NOT NULL CHECK (rating BETWEEN 1 AND 4),
  state smallint NOT NULL CHECK (state BETWEEN 0 AND 3),
  reviewed_at timestamptz NOT NULL,
  elapsed_days integer NOT NULL CHECK (elapsed_days >= 0),
  last_elapsed_days integer NOT NULL DEFAULT 0,
  scheduled_days integer NOT NULL DEFAULT 0,
  learning_steps integer NOT NULL DEFAULT 0,
  due timestamptz NOT NULL,
  stability double precision NOT NULL,
  difficulty double precision NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (user_id, client_id)
);
CREATE INDEX review_log_card ON public.review_log (card_id, reviewed_at);

-- The scheduler per student. No row: desired retention 0.90 and FSRS-6's default weights.
CREATE TABLE public.card_settings (
  user_id uuid PRIMARY KEY REFERENCES public.users(id) ON DELETE CASCADE,
  desired_retention double precision NOT NULL DEFAULT 0.9 CHECK (desired_retention BETWEEN 0.7 AND 0.99),
  -- FSRS-6 weights from the optimiser; NULL: the defaults.
  weights double precision[] CHECK (weights IS NULL OR cardinality(weights) = 21),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Quiz answers: a wrong one becomes a card; all of them feed mastery.
CREATE TABLE public.quiz_answers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES public.users(id) ON DELETE CASCADE,
  video_id uuid NOT NULL REFERENCES public.videos(id) ON DELETE CASCADE,
  client_id uuid NOT NULL,
  question_index integer NOT NULL CHECK (question_index >= 0),
  choice_index integer NOT NULL CHECK (choice_index >= 0),
  correct boolean NOT NULL,
  answered_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (user_id, client_id)
);
CREATE INDEX quiz_answers_user_video ON public.quiz_answers (user_id, video_id);

ALTER TABLE public.cards ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.cards FORCE ROW LEVEL SECURITY;
ALTER TABLE public.review_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.review_log FORCE ROW LEVEL SECURITY;
ALTER TABLE public.card_settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.card_settings FORCE ROW LEVEL SECURITY;
ALTER TABLE public.quiz_answers ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.quiz_answers FORCE ROW LEVEL SECURITY;

-- Cards: your own, from a lesson you can see (the subquery runs under the videos' policies).
CREATE POLICY "Students see own cards" ON public.cards FOR SELECT USING (auth.uid() = user_id);
CREATE POLICY "Students delete own cards" ON public.cards FOR DELETE USING (auth.uid() = user_id);
CREATE POLICY "Students add own cards" ON public.cards FOR INSERT WITH CHECK (
  auth.uid() = user_id AND EXISTS (SELECT 1 FROM public.videos v WHERE v.id = cards.video_id));
CREATE POLICY "Students schedule own cards" ON public.cards FOR UPDATE USING (auth.uid() = user_id)
  WITH CHECK (auth.uid() = user_id);
-- The link to the lesson and the part it came from are fixed once the card exists.
GRANT SELECT, INSERT, DELETE ON public.cards TO authenticated;
GRANT UPDATE (front, back, origin, state, due, stability, difficulty, scheduled_days, learning_steps, reps, lapses,
  last_review) ON public.cards TO authenticated;
GRANT ALL ON public.cards TO service_role;

-- The log: append-only for the student, and only for the student's own cards.
CREATE POLICY "Students see own reviews" ON public.review_log FOR SELECT USING (auth.uid() = user_id);
CREATE POLICY "Students log own reviews" ON public.review_log FOR INSERT WITH CHECK (
  auth.uid() = user_id AND EXISTS (SELECT 1 FROM public.cards c WHERE c.id = review_log.card_id));
GRANT SELECT, INSERT ON public.review_log TO authenticated;
GRANT ALL ON public.review_log TO service_role;

CREATE POLICY "Students see own card settings" ON public.card_settings FOR SELECT USING (auth.uid() = user_id);
CREATE POLICY "Students create own card settings" ON public.card_settings FOR INSERT
  WITH CHECK (auth.uid() = user_id);
CREATE POLICY "Students change own card settings" ON public.card_settings FOR UPDATE USING (auth.uid() = user_id)
  WITH CHECK (auth.uid() = user_id);
GRANT SELECT, INSERT ON public.card_settings TO authenticated;
GRANT UPDATE (desired_retention, weights, updated_at) ON public.card_settings TO authenticated;
GRANT ALL ON public.card_settings TO service_role;

CREATE POLICY "Students see own quiz answers" ON public.quiz_answers FOR SELECT USING (auth.uid() = user_id);
CREATE POLICY "Students answer as themselves" ON public.quiz_answers FOR INSERT WITH CHECK (
  auth.uid() = user_id AND EXISTS (SELECT 1 FROM public.videos v WHERE v.id = quiz_answers.video_id));
GRANT SELECT, INSERT ON public.quiz_answers TO authenticated;
GRANT ALL ON public.quiz_answers TO service_role;
