-- Personal FSRS parameters (issue 17): the optimiser (@open-spaced-repetition/binding) fits a student's
-- weights to their own review log; the weights land in card_settings.weights (0020), and these columns
-- say when that happened and on how many reviews, so a client can show it and offer a re-run.
ALTER TABLE public.card_settings ADD COLUMN optimized_at timestamptz;
ALTER TABLE public.card_settings ADD COLUMN optimized_reviews integer CHECK (optimized_reviews >= 0);
GRANT UPDATE (optimized_at, optimized_reviews) ON public.card_settings TO authenticated;

-- The optimiser reads a student's log card by card in time order, up to a bound: this index serves
-- that read (and its count) without sorting a 200,000-row log.
CREATE INDEX review_log_user_card ON public.review_log (user_id, card_id, reviewed_at);
