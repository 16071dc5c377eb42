-- The language each user's e-mails are written in (README, E-mail): chosen on the account page, or
-- taken from the page a user first signs in on. NULL until then, and NULL means English.
ALTER TABLE `users` ADD `locale` text CONSTRAINT "users_locale" CHECK("locale" IN ('ar', 'en', 'es', 'fr', 'ru', 'zh'));
