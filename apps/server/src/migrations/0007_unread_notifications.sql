-- The bell's unread count (GET /notifications/unread-count) reads only unread rows: a partial index
-- keeps that an index-only lookup however long the inbox grows.
CREATE INDEX notifications_unread_idx ON public.notifications (user_id) WHERE read_at IS NULL;
