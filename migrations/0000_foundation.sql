CREATE TABLE `residents` (
	`id` text PRIMARY KEY NOT NULL,
	`line_user_id` text NOT NULL,
	`display_name` text,
	`following` integer DEFAULT true NOT NULL,
	`followed_at` integer,
	`unfollowed_at` integer,
	`consent` text DEFAULT 'unknown' NOT NULL,
	`consent_notice_version` text,
	`consent_at` integer,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `residents_line_user_id_unique` ON `residents` (`line_user_id`);--> statement-breakpoint
CREATE INDEX `residents_following_idx` ON `residents` (`following`);--> statement-breakpoint
CREATE TABLE `webhook_events` (
	`webhook_event_id` text PRIMARY KEY NOT NULL,
	`type` text NOT NULL,
	`status` text NOT NULL,
	`payload` text,
	`received_at` integer NOT NULL,
	`processed_at` integer,
	`attempts` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `webhook_events_status_idx` ON `webhook_events` (`status`,`received_at`);--> statement-breakpoint
CREATE TABLE `messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`resident_id` text NOT NULL,
	`direction` text NOT NULL,
	`kind` text NOT NULL,
	`body` text NOT NULL,
	`webhook_event_id` text,
	`delivery_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`resident_id`) REFERENCES `residents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `messages_resident_idx` ON `messages` (`resident_id`,`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `messages_webhook_event_idx` ON `messages` (`webhook_event_id`);--> statement-breakpoint
CREATE TABLE `deliveries` (
	`id` text PRIMARY KEY NOT NULL,
	`resident_id` text NOT NULL,
	`method` text NOT NULL,
	`source_event_id` text,
	`retry_key` text NOT NULL,
	`messages` text NOT NULL,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`line_request_id` text,
	`last_error` text,
	`created_at` integer NOT NULL,
	`sent_at` integer,
	FOREIGN KEY (`resident_id`) REFERENCES `residents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `deliveries_source_event_id_unique` ON `deliveries` (`source_event_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `deliveries_retry_key_unique` ON `deliveries` (`retry_key`);--> statement-breakpoint
CREATE INDEX `deliveries_status_idx` ON `deliveries` (`status`,`created_at`);--> statement-breakpoint
CREATE TABLE `app_meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `consent_events` (
	`id` text PRIMARY KEY NOT NULL,
	`resident_id` text NOT NULL,
	`decision` text NOT NULL,
	`notice_version` text NOT NULL,
	`webhook_event_id` text,
	`at` integer NOT NULL,
	FOREIGN KEY (`resident_id`) REFERENCES `residents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `consent_events_webhook_event_id_unique` ON `consent_events` (`webhook_event_id`);--> statement-breakpoint
CREATE INDEX `consent_events_resident_idx` ON `consent_events` (`resident_id`,`at`);--> statement-breakpoint
CREATE TABLE `conversation_steps` (
	`resident_id` text NOT NULL,
	`revision` integer NOT NULL,
	`flow_id` text NOT NULL,
	`flow_version` integer NOT NULL,
	`node_id` text NOT NULL,
	`vars` text NOT NULL,
	`webhook_event_id` text,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`resident_id`, `revision`),
	FOREIGN KEY (`resident_id`) REFERENCES `residents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `conversation_steps_webhook_event_id_unique` ON `conversation_steps` (`webhook_event_id`);--> statement-breakpoint
CREATE TABLE `cases` (
	`id` text PRIMARY KEY NOT NULL,
	`resident_id` text NOT NULL,
	`category` text NOT NULL,
	`urgency` text NOT NULL,
	`crisis_kinds` text,
	`department_id` text NOT NULL,
	`area_id` text,
	`status` text NOT NULL,
	`summary` text,
	`note` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`waiting_since` integer,
	`closed_at` integer,
	FOREIGN KEY (`resident_id`) REFERENCES `residents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cases_one_open_per_resident` ON `cases` (`resident_id`) WHERE status <> 'closed';--> statement-breakpoint
CREATE INDEX `cases_queue_idx` ON `cases` (`status`,`urgency`,`waiting_since`);--> statement-breakpoint
CREATE INDEX `cases_created_idx` ON `cases` (`created_at`);