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
	`urgency_order` integer GENERATED ALWAYS AS (case "urgency" when 'crisis' then 0 when 'urgent' then 1 else 2 end) VIRTUAL,
	`crisis_kinds` text,
	`department_id` text NOT NULL,
	`area_id` text,
	`status` text NOT NULL,
	`summary` text,
	`note` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`waiting_since` integer,
	`assignee_id` text,
	`claimed_at` integer,
	`first_response_at` integer,
	`staff_routed` integer DEFAULT false NOT NULL,
	`outcome` text,
	`triage_category` text,
	`closed_at` integer,
	`closed_by` text,
	`reply_token` text,
	`reply_token_at` integer,
	`last_action_id` text,
	FOREIGN KEY (`resident_id`) REFERENCES `residents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cases_one_open_per_resident` ON `cases` (`resident_id`) WHERE status <> 'closed';--> statement-breakpoint
CREATE INDEX `cases_queue_idx` ON `cases` (`status`,`urgency_order`,`waiting_since`);--> statement-breakpoint
CREATE INDEX `cases_assignee_idx` ON `cases` (`assignee_id`,`status`,`urgency_order`,`waiting_since`);--> statement-breakpoint
CREATE INDEX `cases_claimed_idx` ON `cases` (`claimed_at`);--> statement-breakpoint
CREATE INDEX `cases_created_idx` ON `cases` (`created_at`);--> statement-breakpoint
CREATE INDEX `cases_resident_idx` ON `cases` (`resident_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `login_attempts` (
	`id` text PRIMARY KEY NOT NULL,
	`key` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `login_attempts_key_idx` ON `login_attempts` (`key`,`at`);--> statement-breakpoint
CREATE INDEX `login_attempts_at_idx` ON `login_attempts` (`at`);--> statement-breakpoint
CREATE TABLE `staff_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`csrf_token` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `staff_sessions_user_idx` ON `staff_sessions` (`user_id`);--> statement-breakpoint
CREATE INDEX `staff_sessions_expires_idx` ON `staff_sessions` (`expires_at`);--> statement-breakpoint
CREATE INDEX `staff_sessions_last_seen_idx` ON `staff_sessions` (`last_seen_at`);--> statement-breakpoint
CREATE TABLE `staff_users` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`display_name` text NOT NULL,
	`role` text NOT NULL,
	`password_hash` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `staff_users_email_unique` ON `staff_users` (`email`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`actor_user_id` text,
	`action` text NOT NULL,
	`case_id` text,
	`detail` text,
	FOREIGN KEY (`actor_user_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_log_at_idx` ON `audit_log` (`at`);--> statement-breakpoint
CREATE INDEX `audit_log_actor_idx` ON `audit_log` (`actor_user_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_log_case_idx` ON `audit_log` (`case_id`,`at`);--> statement-breakpoint
CREATE TABLE `case_notes` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`staff_id` text NOT NULL,
	`kind` text NOT NULL,
	`body` text NOT NULL,
	`to_department_id` text,
	`to_staff_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_notes_case_idx` ON `case_notes` (`case_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `staff_replies` (
	`delivery_id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`staff_id` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `staff_replies_case_idx` ON `staff_replies` (`case_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `canned_replies` (
	`id` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`created_by` text NOT NULL,
	`updated_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `canned_replies_order_idx` ON `canned_replies` (`sort_order`,`created_at`);--> statement-breakpoint
CREATE TABLE `booking_closures` (
	`id` text PRIMARY KEY NOT NULL,
	`service_id` text,
	`department_id` text,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`all_day` integer DEFAULT false NOT NULL,
	`reason` text,
	`created_by` text,
	`created_at` integer NOT NULL,
	CONSTRAINT "booking_closures_order" CHECK("booking_closures"."starts_at" < "booking_closures"."ends_at")
);
--> statement-breakpoint
CREATE INDEX `booking_closures_range_idx` ON `booking_closures` (`starts_at`,`ends_at`);--> statement-breakpoint
CREATE TABLE `bookings` (
	`id` text PRIMARY KEY NOT NULL,
	`service_id` text NOT NULL,
	`resident_id` text,
	`contact_name` text,
	`contact_phone` text,
	`slot_start` integer NOT NULL,
	`slot_end` integer NOT NULL,
	`seat` integer NOT NULL,
	`status` text DEFAULT 'booked' NOT NULL,
	`contact` text NOT NULL,
	`topic` text,
	`request_key` text NOT NULL,
	`replaces_id` text,
	`created_by` text,
	`created_at` integer NOT NULL,
	`cancelled_at` integer,
	`cancelled_by` text,
	FOREIGN KEY (`resident_id`) REFERENCES `residents`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "bookings_seat_positive" CHECK("bookings"."seat" >= 1),
	CONSTRAINT "bookings_who" CHECK("bookings"."resident_id" is not null or "bookings"."contact_name" is not null),
	CONSTRAINT "bookings_slot_order" CHECK("bookings"."slot_start" < "bookings"."slot_end")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bookings_request_key_unique` ON `bookings` (`request_key`);--> statement-breakpoint
CREATE UNIQUE INDEX `bookings_one_per_seat` ON `bookings` (`service_id`,`slot_start`,`seat`) WHERE status <> 'cancelled';--> statement-breakpoint
CREATE UNIQUE INDEX `bookings_one_per_resident_slot` ON `bookings` (`service_id`,`slot_start`,`resident_id`) WHERE status <> 'cancelled' and resident_id is not null;--> statement-breakpoint
CREATE INDEX `bookings_resident_idx` ON `bookings` (`resident_id`,`slot_start`);--> statement-breakpoint
CREATE INDEX `bookings_slot_idx` ON `bookings` (`slot_start`);--> statement-breakpoint
CREATE TABLE `booking_reminders` (
	`booking_id` text NOT NULL,
	`kind` text NOT NULL,
	`status` text NOT NULL,
	`delivery_id` text,
	`skip_reason` text,
	`due_at` integer NOT NULL,
	`claimed_at` integer NOT NULL,
	`attempts` integer DEFAULT 1 NOT NULL,
	`settled_at` integer,
	PRIMARY KEY(`booking_id`, `kind`),
	FOREIGN KEY (`booking_id`) REFERENCES `bookings`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "booking_reminders_claim_has_delivery" CHECK("booking_reminders"."status" <> 'claimed' or "booking_reminders"."delivery_id" is not null)
);
--> statement-breakpoint
CREATE INDEX `booking_reminders_status_idx` ON `booking_reminders` (`status`,`claimed_at`);