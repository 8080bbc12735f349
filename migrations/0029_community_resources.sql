CREATE TABLE "fc_facilities" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"address" text,
	"lng" double precision,
	"lat" double precision,
	"area_m2" double precision,
	"office_area_m2" double precision,
	"hours" text,
	"operator" text,
	"operator_kind" text,
	"staff_count" integer DEFAULT 0 NOT NULL,
	"beds" integer,
	"status" text NOT NULL,
	"planned_on" date,
	"built_on" date,
	"accepted_on" date,
	"handed_over_on" date,
	"note" text,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fc_kinds" (
	"key" text PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"category" text NOT NULL,
	"role" text,
	"source" text,
	"sort" integer DEFAULT 500 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "care_misses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"plan_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"flagged_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "care_plans" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"resident_id" uuid NOT NULL,
	"resident_name_mask" text NOT NULL,
	"tag_enc" text NOT NULL,
	"tag_hash" text NOT NULL,
	"frequency_days" integer NOT NULL,
	"assignee_kind" text NOT NULL,
	"assignee_user_id" uuid NOT NULL,
	"next_due_at" timestamp with time zone NOT NULL,
	"last_visit_at" timestamp with time zone,
	"active" boolean DEFAULT true NOT NULL,
	"note_enc" text,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "care_relief" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"emergency_place" text NOT NULL,
	"applicant_name_enc" text NOT NULL,
	"applicant_name_mask" text NOT NULL,
	"id_number_enc" text,
	"id_number_hash" text,
	"id_number_mask" text,
	"phone_enc" text,
	"phone_mask" text,
	"hukou_place" text NOT NULL,
	"local_hukou" boolean NOT NULL,
	"reason" text NOT NULL,
	"items" jsonb NOT NULL,
	"total_fen" bigint NOT NULL,
	"money_fen" bigint NOT NULL,
	"state" text NOT NULL,
	"decision_note" text,
	"decided_by" uuid,
	"decided_by_name" text,
	"decided_at" timestamp with time zone,
	"granted_at" timestamp with time zone,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "care_visits" (
	"id" uuid PRIMARY KEY NOT NULL,
	"plan_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"visited_at" timestamp with time zone NOT NULL,
	"place_enc" text NOT NULL,
	"lat" double precision,
	"lng" double precision,
	"outcome" text NOT NULL,
	"note_enc" text,
	"visitor_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "fc_facilities_path_idx" ON "fc_facilities" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "fc_facilities_kind_idx" ON "fc_facilities" USING btree ("kind");--> statement-breakpoint
CREATE INDEX "fc_facilities_point_idx" ON "fc_facilities" USING btree ("lat","lng");--> statement-breakpoint
CREATE UNIQUE INDEX "care_misses_uq" ON "care_misses" USING btree ("plan_id","due_at");--> statement-breakpoint
CREATE INDEX "care_misses_path_idx" ON "care_misses" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "care_plans_path_idx" ON "care_plans" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "care_plans_resident_tag_uq" ON "care_plans" USING btree ("resident_id","tag_hash");--> statement-breakpoint
CREATE INDEX "care_plans_assignee_idx" ON "care_plans" USING btree ("assignee_user_id");--> statement-breakpoint
CREATE INDEX "care_plans_due_idx" ON "care_plans" USING btree ("next_due_at");--> statement-breakpoint
CREATE UNIQUE INDEX "care_relief_number_uq" ON "care_relief" USING btree ("number");--> statement-breakpoint
CREATE INDEX "care_relief_path_idx" ON "care_relief" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "care_visits_plan_idx" ON "care_visits" USING btree ("plan_id","visited_at");--> statement-breakpoint
CREATE INDEX "care_visits_path_idx" ON "care_visits" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
-- R-FC-1: facility kinds from the seeds (data; civil affairs may add more).
INSERT INTO "fc_kinds" ("key", "name_zh", "name_en", "category", "role", "source", "sort", "active", "created_at", "updated_at") VALUES
('party_mass_centre', '党群服务中心', 'Party-mass service centre', 'grassroots_governance', 'centre', '002 三(四)13; 003 三(二)1', 10, true, now(), now()),
('service_sub_station', '综合服务分站（办事点）', 'Service sub-station', 'grassroots_governance', 'sub_station', '002 三(四)13', 20, true, now(), now()),
('neighbour_station', '邻里驿站', 'Neighbour station', 'grassroots_governance', NULL, '000 二.2', 30, true, now(), now()),
('council_room', '居民议事厅', 'Residents’ council room', 'grassroots_governance', NULL, '000 二.3; 003', 40, true, now(), now()),
('grid_party_venue', '网格党组织活动阵地', 'Grid party activity venue', 'grassroots_governance', NULL, '003 附件2', 50, true, now(), now()),
('civilisation_station', '新时代文明实践站', 'New-era civilisation practice station', 'culture', NULL, '003 三(二)1', 60, true, now(), now()),
('volunteer_station', '志愿服务站（岗）', 'Volunteer service station', 'grassroots_governance', NULL, '003 三(二)1', 70, true, now(), now()),
('red_station', '初心/红色驿站', 'Red station', 'grassroots_governance', NULL, '003 三(二)1', 80, true, now(), now()),
('love_station', '爱心驿站', 'Love station', 'grassroots_governance', NULL, '003 三(二)1', 90, true, now(), now()),
('workers_home', '职工之家', 'Workers’ home', 'grassroots_governance', NULL, '003 三(二)1', 100, true, now(), now()),
('youth_home', '青年之家', 'Youth home', 'culture', NULL, '003 三(二)1', 110, true, now(), now()),
('women_home', '妇女之家', 'Women’s home', 'grassroots_governance', NULL, '003 三(二)1', 120, true, now(), now()),
('social_work_station', '社工站（室）', 'Social work station', 'grassroots_governance', NULL, '004 Ⅱ-8', 130, true, now(), now()),
('gig_station', '零工驿站', 'Gig-work station', 'commerce', NULL, '003 三(二)1', 140, true, now(), now()),
('minor_protection', '未成年人保护中心', 'Minors’ protection centre', 'childcare', NULL, '003 三(二)1', 150, true, now(), now()),
('elderly_complex', '街道养老综合体', 'Subdistrict elderly-care complex', 'elderly_care', NULL, '003 三(二)1', 160, true, now(), now()),
('elderly_day_care', '社区养老服务站（日间照料中心）', 'Community elderly day-care centre', 'elderly_care', NULL, '002 三(四)14; 003', 170, true, now(), now()),
('happiness_canteen', '幸福食堂', 'Happiness canteen', 'elderly_care', NULL, '003 三(二)1', 180, true, now(), now()),
('elderly_canteen', '爱心近邻敬老餐厅', 'Neighbourly elders’ canteen', 'elderly_care', NULL, '002 三(四)14', 190, true, now(), now()),
('elderly_home', '嵌入式养老机构', 'Embedded elderly-care home', 'elderly_care', NULL, '002 三(四)14', 200, true, now(), now()),
('community_school', '社区学校', 'Community school', 'education', NULL, '002 三(三)12', 210, true, now(), now()),
('kindergarten', '幼儿园', 'Kindergarten', 'education', NULL, '003 三(二)1', 220, true, now(), now()),
('primary_school', '中小学', 'School', 'education', NULL, '003 三(二)1', 230, true, now(), now()),
('health_station', '社区卫生服务站', 'Community health station', 'medical', NULL, '003 三(二)1', 240, true, now(), now()),
('clinic', '诊所/药店', 'Clinic or pharmacy', 'medical', NULL, '003 三(二)1', 250, true, now(), now()),
('nursery', '托育机构（婴幼儿照护）', 'Childcare nursery', 'childcare', NULL, '003 三(二)1', 260, true, now(), now()),
('fitness', '体育健身场地', 'Sports and fitness ground', 'sports', NULL, '003 三(二)1', 270, true, now(), now()),
('culture_room', '文化活动室', 'Cultural activity room', 'culture', NULL, '003 三(二)1', 280, true, now(), now()),
('city_study', '城市书房', 'City study room', 'culture', NULL, '004 三(四)', 290, true, now(), now()),
('culture_hall', '文化礼堂', 'Cultural hall', 'culture', NULL, '004 三(四)', 300, true, now(), now()),
('bus_stop', '公交站点', 'Bus stop', 'transport_logistics', NULL, '003 三(二)1', 310, true, now(), now()),
('parcel_station', '快递驿站', 'Parcel station', 'transport_logistics', NULL, '003 三(二)1', 320, true, now(), now()),
('market', '菜市场/便民超市', 'Market or convenience store', 'commerce', NULL, '003 三(二)1', 330, true, now(), now()),
('property_office', '物业服务用房', 'Property service office', 'property_service', NULL, '003 三(二)1', 340, true, now(), now()),
('police_room', '警务室/智慧安防小区', 'Police room or smart-security post', 'smart_security', NULL, '003 三(二)1', 350, true, now(), now()),
('service_room', '社区服务用房（四同步）', 'Community service rooms (four in step)', 'grassroots_governance', NULL, '001 二(一)2', 360, true, now(), now());
