CREATE TABLE `event_reminders` (
	`rsvp_id` text PRIMARY KEY NOT NULL,
	`status` text NOT NULL,
	`delivery_id` text,
	`skip_reason` text,
	`claimed_at` integer NOT NULL,
	`settled_at` integer,
	FOREIGN KEY (`rsvp_id`) REFERENCES `event_rsvps`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "event_reminders_claim_has_delivery" CHECK("event_reminders"."status" <> 'claimed' or "event_reminders"."delivery_id" is not null)
);
--> statement-breakpoint
CREATE INDEX `event_reminders_status_idx` ON `event_reminders` (`status`,`claimed_at`);--> statement-breakpoint
CREATE TABLE `event_rsvps` (
	`id` text PRIMARY KEY NOT NULL,
	`event_id` text NOT NULL,
	`resident_id` text NOT NULL,
	`status` text NOT NULL,
	`seat` integer,
	`position` integer NOT NULL,
	`request_key` text NOT NULL,
	`created_at` integer NOT NULL,
	`promoted_at` integer,
	`cancelled_at` integer,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resident_id`) REFERENCES `residents`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "event_rsvps_seat_when_going" CHECK(("event_rsvps"."status" = 'going') = ("event_rsvps"."seat" is not null))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `event_rsvps_request_key_unique` ON `event_rsvps` (`request_key`);--> statement-breakpoint
CREATE UNIQUE INDEX `event_rsvps_one_per_seat` ON `event_rsvps` (`event_id`,`seat`) WHERE status = 'going';--> statement-breakpoint
CREATE UNIQUE INDEX `event_rsvps_one_per_resident` ON `event_rsvps` (`event_id`,`resident_id`) WHERE status <> 'cancelled';--> statement-breakpoint
CREATE UNIQUE INDEX `event_rsvps_position` ON `event_rsvps` (`event_id`,`position`);--> statement-breakpoint
CREATE INDEX `event_rsvps_resident_idx` ON `event_rsvps` (`resident_id`,`status`);--> statement-breakpoint
CREATE TABLE `events` (
	`id` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`kind` text NOT NULL,
	`area_id` text NOT NULL,
	`place_name` text NOT NULL,
	`address` text,
	`map_url` text,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`capacity` integer,
	`fee` text,
	`audience` text,
	`description` text,
	`image_url` text,
	`status` text DEFAULT 'draft' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`published_at` integer,
	`cancelled_at` integer,
	CONSTRAINT "events_time_order" CHECK("events"."starts_at" < "events"."ends_at"),
	CONSTRAINT "events_capacity_positive" CHECK("events"."capacity" is null or "events"."capacity" >= 1)
);
--> statement-breakpoint
CREATE INDEX `events_listing_idx` ON `events` (`status`,`starts_at`);--> statement-breakpoint
CREATE TABLE `notice_settings` (
	`resident_id` text PRIMARY KEY NOT NULL,
	`opted_in` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`resident_id`) REFERENCES `residents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `notice_topics` (
	`resident_id` text NOT NULL,
	`dimension` text NOT NULL,
	`value` text NOT NULL,
	PRIMARY KEY(`resident_id`, `dimension`, `value`),
	FOREIGN KEY (`resident_id`) REFERENCES `residents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `notice_topics_value_idx` ON `notice_topics` (`dimension`,`value`);--> statement-breakpoint
CREATE TABLE `broadcast_chunks` (
	`broadcast_id` text NOT NULL,
	`chunk_no` integer NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`retry_key` text,
	`recipients` text,
	`recipient_count` integer DEFAULT 0 NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`lease_until` integer,
	`line_request_id` text,
	`last_error` text,
	`sent_at` integer,
	PRIMARY KEY(`broadcast_id`, `chunk_no`),
	FOREIGN KEY (`broadcast_id`) REFERENCES `broadcasts`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "broadcast_chunks_key_when_sending" CHECK("broadcast_chunks"."status" = 'pending' or "broadcast_chunks"."retry_key" is not null)
);
--> statement-breakpoint
CREATE INDEX `broadcast_chunks_status_idx` ON `broadcast_chunks` (`broadcast_id`,`status`);--> statement-breakpoint
CREATE TABLE `broadcast_recipients` (
	`broadcast_id` text NOT NULL,
	`resident_id` text NOT NULL,
	`chunk_no` integer NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	PRIMARY KEY(`broadcast_id`, `resident_id`),
	FOREIGN KEY (`broadcast_id`) REFERENCES `broadcasts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resident_id`) REFERENCES `residents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `broadcast_recipients_chunk_idx` ON `broadcast_recipients` (`broadcast_id`,`chunk_no`);--> statement-breakpoint
CREATE TABLE `broadcasts` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`text` text NOT NULL,
	`event_id` text,
	`audience` text NOT NULL,
	`messages` text NOT NULL,
	`status` text NOT NULL,
	`pause_reason` text,
	`recipient_count` integer NOT NULL,
	`chunk_count` integer NOT NULL,
	`scheduled_at` integer NOT NULL,
	`request_key` text NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	`started_at` integer,
	`finished_at` integer,
	`cancelled_at` integer,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `broadcasts_request_key_unique` ON `broadcasts` (`request_key`);--> statement-breakpoint
CREATE INDEX `broadcasts_due_idx` ON `broadcasts` (`status`,`scheduled_at`);