-- Automatic re-fits of personal FSRS weights (issue 17): the worker fits students whose review log has
-- grown enough since their last fit. A fit the optimiser refuses (too few reviews a day apart) is not
-- tried again for a while, so one such student cannot take every run's places; this says when it was.
ALTER TABLE public.card_settings ADD COLUMN auto_fit_refused_at timestamptz;
