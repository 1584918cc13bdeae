/* demo.c — sample facilities, people, sessions and assessments for Sơn La.
 * The tables below are the whole content; the code only feeds them to the
 * registries' APIs.  The facilities are invented, their places and sectors
 * are where the real ones are (mostly Mai Sơn and Thuận Châu). */
#include "demo/demo.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "training/attendance.h"
#include "base/clock.h"
#include "records/facility.h"
#include "assess/assess.h"
#include "form/formdir.h"
#include "base/mem.h"
#include "records/people.h"
#include "records/orgs.h"
#include "records/places.h"
#include "training/session.h"

/* A facility: name, district, form district code, address, sector, legal
 * form, products, CP potential, and a by-hand informed date with reason. */
struct demo_facility {
	const char *name, *district, *address, *sector, *legal, *products;
	int potential;
	const char *informed_on, *informed_reason;
};

static const struct demo_facility facilities[] = {
	{ "Công ty TNHH Mía đường Cò Nòi", "Mai Sơn", "Xã Cò Nòi", "sugar", "enterprise",
	  "Đường kính trắng, mật rỉ", 1, NULL, NULL },
	{ "Công ty TNHH Tinh bột sắn Hát Lót", "Mai Sơn", "Tiểu khu 4, thị trấn Hát Lót",
	  "cassava", "enterprise", "Tinh bột sắn", 1, NULL, NULL },
	{ "Hợp tác xã Cà phê Chiềng Ban", "Mai Sơn", "Bản Xum, xã Chiềng Ban", "coffee_wet",
	  "cooperative", "Cà phê thóc", 1, NULL, NULL },
	{ "Hộ chế biến cà phê Lò Văn Piêng", "Mai Sơn", "Bản Củ, xã Chiềng Ban", "coffee_wet",
	  "household", "Cà phê thóc, cà phê nhân", 1, NULL, NULL },
	{ "Hộ chế biến cà phê Cầm Thị Ngoan", "Mai Sơn", "Bản Mé, xã Chiềng Mung",
	  "coffee_wet", "household", "Cà phê thóc", 1, NULL, NULL },
	{ "Hộ sơ chế cà phê Hoàng Văn Sơn", "Mai Sơn", "Bản Nà Bó, xã Nà Bó", "coffee_dry",
	  "household", "Cà phê nhân", 1, NULL, NULL },
	{ "Công ty Cổ phần Cà phê Nà Sản", "Mai Sơn", "Xã Mường Bằng", "coffee_dry",
	  "enterprise", "Cà phê nhân xuất khẩu", 1, NULL, NULL },
	{ "Công ty TNHH Tinh bột sắn Thuận Châu", "Thuận Châu", "Xã Chiềng Pấc", "cassava",
	  "enterprise", "Tinh bột sắn", 1, NULL, NULL },
	{ "Hợp tác xã Chế biến sắn Phổng Lái", "Thuận Châu", "Xã Phổng Lái", "cassava",
	  "cooperative", "Sắn lát khô, tinh bột ướt", 1, NULL, NULL },
	{ "Hộ chế biến cà phê Lường Văn Thiêm", "Thuận Châu", "Bản Nong Cóc, xã Chiềng Pha",
	  "coffee_wet", "household", "Cà phê thóc", 1, NULL, NULL },
	{ "Hợp tác xã Cà phê Bó Mười", "Thuận Châu", "Xã Bó Mười", "coffee_wet",
	  "cooperative", "Cà phê thóc", 1, NULL, NULL },
	{ "Hợp tác xã Cà phê Hua La", "Thành phố Sơn La", "Phường Chiềng Sinh", "coffee_wet",
	  "cooperative", "Cà phê thóc", 1, "2018-05-10",
	  "Cán bộ khuyến công phát tờ rơi và tư vấn trực tiếp tại cơ sở" },
	{ "Cơ sở sấy nông sản Chiềng Hặc", "Yên Châu", "Xã Chiềng Hặc", "other", "household",
	  "Xoài sấy, nhãn sấy", 1, NULL, NULL },
	{ "Công ty TNHH Chè Tân Lập", "Mộc Châu", "Xã Tân Lập", "other", "enterprise",
	  "Chè xanh, chè Ô long", 1, NULL, NULL },
	{ "Hộ xay xát gạo Quàng Văn Lả", "Sông Mã", "Thị trấn Sông Mã", "other", "household",
	  "Gạo xay xát", 0, NULL, NULL },
};
#define NFACILITIES (sizeof facilities / sizeof facilities[0])

/* A person: name, gender, ethnicity, unit, position, district, category,
 * on the roster, and the facility (index) where they work or -1. */
struct demo_person {
	const char *name, *gender, *ethnicity, *unit, *position, *district, *category;
	int roster, facility;
};

#define KC "Trung tâm Khuyến công và Tư vấn phát triển công nghiệp Sơn La"
#define KT(d) "Phòng Kinh tế – Hạ tầng huyện " d
static const struct demo_person people[] = {
	/* 0-11: the officer roster */
	{ "Lò Văn Minh", "male", "Thái", KC, "Viên chức khuyến công", "Thành phố Sơn La",
	  "extension", 1, -1 },
	{ "Nguyễn Thị Thu Hà", "female", "Kinh", "Sở Công Thương Sơn La",
	  "Chuyên viên phòng Kỹ thuật an toàn – Môi trường", "Thành phố Sơn La", "monitoring", 1, -1 },
	{ "Cầm Văn Thoại", "male", "Thái", KT("Mai Sơn"), "Chuyên viên theo dõi công nghiệp",
	  "Mai Sơn", "monitoring", 1, -1 },
	{ "Quàng Thị Xuân", "female", "Thái", KT("Thuận Châu"), "Chuyên viên theo dõi công nghiệp",
	  "Thuận Châu", "monitoring", 1, -1 },
	{ "Giàng A Páo", "male", "Mông", "UBND xã Chiềng Pấc", "Cộng tác viên khuyến công",
	  "Thuận Châu", "collaborator", 1, -1 },
	{ "Đinh Văn Hưng", "male", "Mường", KT("Phù Yên"), "Chuyên viên theo dõi công nghiệp",
	  "Phù Yên", "monitoring", 1, -1 },
	{ "Bàn Văn Sinh", "male", "Dao", "UBND xã Chiềng Ban", "Cộng tác viên khuyến công",
	  "Mai Sơn", "collaborator", 1, -1 },
	{ "Lò Thị Ánh", "female", "Khơ Mú", "UBND xã Mường Bằng", "Cộng tác viên khuyến công",
	  "Mai Sơn", "collaborator", 1, -1 },
	{ "Trần Quốc Tuấn", "male", "Kinh", KC, "Phó Giám đốc", "Thành phố Sơn La",
	  "extension", 1, -1 },
	{ "Lường Thị Hoa", "female", "Thái", KT("Mộc Châu"), "Chuyên viên theo dõi công nghiệp",
	  "Mộc Châu", "monitoring", 1, -1 },
	{ "Hà Văn Dũng", "male", "Mường", KT("Yên Châu"), "Chuyên viên theo dõi công nghiệp",
	  "Yên Châu", "monitoring", 1, -1 },
	{ "Sùng A Chứ", "male", "Mông", "UBND xã Nà Bó", "Cộng tác viên khuyến công", "Mai Sơn",
	  "collaborator", 1, -1 },
	/* 12-22: people who work at the facilities; 23: a villager */
	{ "Phạm Văn Long", "male", "Kinh", NULL, "Phó Giám đốc kỹ thuật", "Mai Sơn",
	  "enterprise", 0, 0 },
	{ "Nguyễn Văn Hùng", "male", "Kinh", NULL, "Quản đốc phân xưởng", "Mai Sơn",
	  "enterprise", 0, 1 },
	{ "Vì Thị Lan", "female", "Thái", NULL, "Giám đốc hợp tác xã", "Mai Sơn", "enterprise", 0, 2 },
	{ "Lò Văn Piêng", "male", "Thái", NULL, "Chủ hộ", "Mai Sơn", "enterprise", 0, 3 },
	{ "Cầm Thị Ngoan", "female", "Thái", NULL, "Chủ hộ", "Mai Sơn", "enterprise", 0, 4 },
	{ "Hoàng Văn Sơn", "male", "Kinh", NULL, "Chủ hộ", "Mai Sơn", "enterprise", 0, 5 },
	{ "Đỗ Minh Khôi", "male", "Kinh", NULL, "Trưởng phòng sản xuất", "Mai Sơn",
	  "enterprise", 0, 6 },
	{ "Lò Văn Hặc", "male", "Thái", NULL, "Giám đốc", "Thuận Châu", "enterprise", 0, 7 },
	{ "Tòng Văn Ín", "male", "Thái", NULL, "Giám đốc hợp tác xã", "Thuận Châu",
	  "enterprise", 0, 8 },
	{ "Lường Văn Thiêm", "male", "Thái", NULL, "Chủ hộ", "Thuận Châu", "enterprise", 0, 9 },
	{ "Mùa A Dế", "male", "Mông", NULL, "Phó Giám đốc hợp tác xã", "Thuận Châu",
	  "enterprise", 0, 10 },
	{ "Vừ Thị Mỷ", "female", "Mông", "Bản Co Muông, xã Chiềng Pấc", NULL, "Thuận Châu",
	  "community", 0, -1 },
};
#define NPEOPLE (sizeof people / sizeof people[0])

/* A session and its participants: person index and the days ticked
 * present, one character per day ('1' present). */
struct demo_session {
	const char *kind, *code, *title, *start, *end, *venue, *district, *trainer;
	struct { int person; const char *days; } who[10];   /* person -1 ends */
};

#define SCT "Sở Công Thương Sơn La"
static const struct demo_session sessions[] = {
	{ "awareness", "HN-2017-01", "Hội nghị tuyên truyền sản xuất sạch hơn trong công nghiệp"
	  " năm 2017", "2017-06-15", NULL, "Hội trường UBND huyện Mai Sơn", "Mai Sơn", KC,
	  { {12, "1"}, {13, "1"}, {14, "1"}, {15, "1"}, {18, "1"}, {2, "1"}, {6, "1"},
	    {16, "0"}, {-1, NULL} } },
	{ "training", "TH-2018-01", "Tập huấn nghiệp vụ tư vấn sản xuất sạch hơn cho cán bộ"
	  " khuyến công", "2018-09-10", "2018-09-12", "Hội trường Sở Công Thương Sơn La",
	  "Thành phố Sơn La", "Trung tâm Sản xuất sạch Việt Nam",
	  { {0, "111"}, {1, "111"}, {2, "110"}, {3, "011"}, {4, "100"}, {5, "000"},
	    {6, "111"}, {8, "111"}, {9, "000"}, {-1, NULL} } },
	{ "awareness", "HN-2019-02", "Hội nghị phổ biến sản xuất sạch hơn cho các cơ sở chế"
	  " biến huyện Thuận Châu", "2019-04-18", NULL, "Nhà văn hoá xã Chiềng Pấc", "Thuận Châu",
	  KC, { {19, "1"}, {20, "0"}, {21, "1"}, {23, "1"}, {3, "1"}, {-1, NULL} } },
	{ "training", "TH-2020-01", "Tập huấn áp dụng sản xuất sạch hơn trong chế biến cà phê",
	  "2020-08-20", "2020-08-21", "Hội trường UBND xã Chiềng Ban", "Mai Sơn", KC,
	  { {7, "11"}, {10, "01"}, {11, "11"}, {22, "11"}, {16, "10"}, {-1, NULL} } },
};
#define NSESSIONS (sizeof sessions / sizeof sessions[0])

/* A rapid assessment: facility, answer set, visit date, complete or a
 * draft that stopped after `partial` answers. */
static const struct { int facility; enum demo_set set; const char *date; int complete, partial; }
rapids[] = {
	{ 0, DEMO_SUGAR, "2017-11-08", 1, 0 },
	{ 1, DEMO_CASSAVA, "2017-12-05", 1, 0 },
	{ 2, DEMO_COFFEE_WET, "2018-10-24", 1, 0 },
	{ 3, DEMO_COFFEE_WET, "2018-11-14", 1, 0 },
	{ 6, DEMO_COFFEE_DRY, "2019-11-20", 1, 0 },
	{ 7, DEMO_CASSAVA, "2019-12-10", 1, 0 },
	{ 9, DEMO_COFFEE_WET, "2020-10-28", 1, 0 },
	{ 10, DEMO_COFFEE_WET, "2020-11-18", 0, 25 },
	{ 11, DEMO_COFFEE_WET, "2021-03-16", 1, 0 },   /* after the 2016–2020 plan */
};
#define NRAPIDS (sizeof rapids / sizeof rapids[0])

/* A tracker: facility, answer set, years to move its dates back (the sets
 * are dated 2026), its rapid assessment's date and its CP team leader. */
static const struct { int facility; enum demo_set set; int back; const char *rapid, *leader; }
trackers[] = {
	{ 1, DEMO_TRACKER_COUNTED, 7, "2017-12-05", "Nguyễn Văn Hùng" },
	{ 7, DEMO_TRACKER_COUNTED, 6, "2019-12-10", "Lò Văn Hặc" },
	{ 2, DEMO_TRACKER_IN_PROGRESS, 6, "2018-10-24", "Vì Thị Lan" },
};
#define NTRACKERS (sizeof trackers / sizeof trackers[0])

/* What one run carries: uuids of what it made, forms, counts. */
struct demo_run {
	struct sx_db *db;
	struct place_list places;
	char facility[NFACILITIES][37];
	char person[NPEOPLE][37];
	struct xform *rapid_form, *tracker_form;
	struct demo_counts *n;
	unsigned long seed;
	struct sx_err *err;
};

/* The next number of the run's generator (an LCG: same seed, same data). */
static unsigned long next(struct demo_run *r, unsigned long below)
{
	r->seed = r->seed * 1103515245UL + 12345UL;
	return ((r->seed >> 16) & 0x7fffUL) % below;
}

static const char *district(struct demo_run *r, const char *name)
{
	for (size_t i = 0; i < r->places.n; i++)
		if (strcmp(r->places.v[i].name, name) == 0)
			return r->places.v[i].uuid;
	return NULL;
}

static int add_facilities(struct demo_run *r)
{
	for (size_t i = 0; i < NFACILITIES; i++) {
		const struct demo_facility *d = &facilities[i];
		struct facility f = {0};
		int rc;
		f.name = xstrdup(d->name);
		f.place_uuid = xstrdup(district(r, d->district));
		f.address = xstrdup(d->address);
		f.sector = xstrdup(d->sector);
		f.legal_form = xstrdup(d->legal);
		f.products = xstrdup(d->products);
		f.cp_potential = d->potential;
		f.phone = xasprintf("0212 3%06lu", next(r, 1000000));
		f.informed_on = xstrdup(d->informed_on);
		f.informed_reason = xstrdup(d->informed_reason);
		rc = facility_save(r->db, &f, r->err);
		snprintf(r->facility[i], 37, "%s", f.uuid);
		facility_clear(&f);
		if (rc != 0)
			return -1;
		r->n->facilities++;
	}
	return 0;
}

static int add_people(struct demo_run *r)
{
	for (size_t i = 0; i < NPEOPLE; i++) {
		const struct demo_person *d = &people[i];
		struct person p = {0};
		int rc;
		p.full_name = xstrdup(d->name);
		p.gender = xstrdup(d->gender);
		p.birth_year = 1965 + (int)next(r, 31);
		p.ethnicity = xstrdup(d->ethnicity);
		p.phone = xasprintf("09%08lu", next(r, 100000000));
		p.unit = xstrdup(d->unit ? d->unit : d->facility >= 0
				 ? facilities[d->facility].name : NULL);
		p.position = xstrdup(d->position);
		p.place_uuid = xstrdup(district(r, d->district));
		p.category = xstrdup(d->category);
		p.on_roster = d->roster;
		p.facility_uuid = d->facility >= 0 ? xstrdup(r->facility[d->facility]) : NULL;
		rc = person_save(r->db, &p, r->err);
		snprintf(r->person[i], 37, "%s", p.uuid);
		person_clear(&p);
		if (rc != 0)
			return -1;
		r->n->people++;
		r->n->roster += d->roster;
	}
	return 0;
}

/* Register a session's participants and tick their days. */
static int add_attendance(struct demo_run *r, const struct demo_session *d,
			  const struct session *s)
{
	char days[SESSION_MAX_DAYS][11];
	int ndays = session_days(s->start_date, s->end_date, days);
	for (int k = 0; d->who[k].person >= 0; k++) {
		const char *who = r->person[d->who[k].person];
		if (attendance_register(r->db, s->uuid, who, 0, r->err) < 0)
			return -1;
		r->n->registrations++;
		for (int day = 0; day < ndays && d->who[k].days[day]; day++) {
			if (d->who[k].days[day] != '1')
				continue;
			if (attendance_mark(r->db, s->uuid, who, days[day], 1, r->err) != 0)
				return -1;
			r->n->ticks++;
		}
	}
	return 0;
}

/* The support network: the organisations the sessions and trackers name
 * (real bodies, no contacts invented), and a fund with no part yet. */
static const struct { const char *name, *kind, *sectors; } demo_orgs[] = {
	{ KC, "consultant", "cassava coffee_wet coffee_dry sugar other" },
	{ "Trung tâm Sản xuất sạch Việt Nam", "cp_centre", "cassava coffee_wet sugar" },
	{ "Quỹ Bảo vệ môi trường Việt Nam", "fund", NULL },
};

static int add_orgs(struct demo_run *r)
{
	for (size_t i = 0; i < sizeof demo_orgs / sizeof demo_orgs[0]; i++) {
		struct org o = {0};
		o.name = (char *)demo_orgs[i].name;
		o.kind = (char *)demo_orgs[i].kind;
		o.sectors = (char *)demo_orgs[i].sectors;
		if (orgs_save(r->db, &o, r->err) != 0)
			return -1;
	}
	return 0;
}

/* Name the organisation called name (when the network has it) as role of
 * target.  0 or -1. */
static int link_org(struct demo_run *r, const char *name, const char *role, const char *target)
{
	struct org o;
	int found = name ? orgs_find(r->db, name, &o, r->err) : 0, rc;
	if (found <= 0)
		return found;
	rc = orgs_link(r->db, o.uuid, role, target, r->err) < 0 ? -1 : 0;
	org_clear(&o);
	return rc;
}

static int add_sessions(struct demo_run *r)
{
	for (size_t i = 0; i < NSESSIONS; i++) {
		const struct demo_session *d = &sessions[i];
		struct session s = {0};
		int rc;
		s.kind = xstrdup(d->kind);
		s.code = xstrdup(d->code);
		s.title = xstrdup(d->title);
		s.start_date = xstrdup(d->start);
		s.end_date = xstrdup(d->end ? d->end : d->start);
		s.venue = xstrdup(d->venue);
		s.place_uuid = xstrdup(district(r, d->district));
		s.organiser = xstrdup(SCT);
		s.trainer = xstrdup(d->trainer);
		s.topics = xstrdup("Sản xuất sạch hơn: khái niệm, lợi ích, 8 kỹ thuật, đánh giá nhanh");
		rc = session_save(r->db, &s, r->err);
		if (rc == 0)
			rc = link_org(r, d->trainer, "trainer", s.uuid);
		if (rc == 0)
			rc = add_attendance(r, d, &s);
		session_clear(&s);
		if (rc != 0)
			return -1;
		r->n->sessions++;
	}
	return 0;
}

/* value, with a yyyy-mm-dd date moved back by `back` years (29 February
 * becomes the 28th).  Caller frees. */
static char *moved(const char *value, int back)
{
	int y, m, d, len = 0;
	if (back == 0 || sscanf(value, "%4d-%2d-%2d%n", &y, &m, &d, &len) != 3 || len != 10 ||
	    value[10])
		return xstrdup(value);
	if (m == 2 && d == 29)
		d = 28;
	return xasprintf("%04d-%02d-%02d", y - back, m, d);
}

/* Save a set's answers (the first `limit`, 0 = all), then the calculated
 * values, as the walkthrough would leave them. */
static int save_set(struct demo_run *r, const char *uuid, const struct xform *f,
		    enum demo_set set, int back, int limit)
{
	const struct demo_answer *a = demo_sets[set];
	struct fsession *s;
	int rc = 0;
	for (int i = 0; rc == 0 && a[i].name && (limit == 0 || i < limit); i++) {
		char *v = moved(a[i].value, back);
		rc = assess_save(r->db, uuid, a[i].name, v, r->err);
		free(v);
	}
	if (rc != 0)
		return -1;
	s = fs_new(f, "vi", clock_now_ms());
	rc = assess_load(r->db, uuid, s, r->err);
	if (rc == 0)
		rc = assess_sync_all(r->db, uuid, s, r->err);
	fs_free(s);
	return rc;
}

/* Start an assessment of facility i with form f and answer what demo.c
 * knows: the place, dates, the officer. */
static int start(struct demo_run *r, int i, const struct xform *f, const char *kind,
		 char uuid[37])
{
	if (assess_create(r->db, r->facility[i], f, kind, uuid, r->err) != 0 ||
	    assess_prefill(r->db, uuid, f, r->facility[i], r->err) != 0)
		return -1;
	return assess_save(r->db, uuid, "officer_name", "Lò Văn Minh", r->err);
}

static const char *district_code(const char *district)
{
	static const char *const map[][2] = {
		{ "Mai Sơn", "mai_son" }, { "Thuận Châu", "thuan_chau" },
		{ "Thành phố Sơn La", "tp_son_la" }, { "Yên Châu", "yen_chau" },
		{ "Mộc Châu", "moc_chau" }, { "Sông Mã", "song_ma" },
	};
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		if (strcmp(map[i][0], district) == 0)
			return map[i][1];
	return "";
}

static int add_rapid(struct demo_run *r, size_t k)
{
	const struct demo_facility *d = &facilities[rapids[k].facility];
	char uuid[37], next_day[11];
	int rc = start(r, rapids[k].facility, r->rapid_form, "rapid", uuid);
	long long ms = 0;
	clock_parse_iso(rapids[k].date, &ms);
	clock_date(ms + 86400000LL, next_day);   /* the report is written the day after */
	if (rc == 0)
		rc = assess_save(r->db, uuid, "district", district_code(d->district), r->err);
	if (rc == 0)
		rc = assess_save(r->db, uuid, "legal_form", d->legal, r->err);
	if (rc == 0)
		rc = assess_save(r->db, uuid, "address", d->address, r->err);
	if (rc == 0)
		rc = assess_save(r->db, uuid, "visit_date", rapids[k].date, r->err);
	if (rc == 0 && rapids[k].complete)
		rc = assess_save(r->db, uuid, "assess_date", next_day, r->err);
	if (rc == 0)
		rc = save_set(r, uuid, r->rapid_form, rapids[k].set, 0, rapids[k].partial);
	if (rc == 0 && rapids[k].complete)
		rc = assess_set_status(r->db, uuid, 1, r->err);
	/* Visited from 08:00 (UTC+7) on the visit date, finished with the
	 * report at 16:00 the day after: what export-form's SubmissionDate shows. */
	if (rc == 0)
		rc = assess_set_times(r->db, uuid, ms + 1 * 3600000LL, ms + 86400000LL + 9 * 3600000LL,
				      r->err);
	if (rc != 0)
		return -1;
	r->n->rapid++;
	r->n->rapid_complete += rapids[k].complete;
	return 0;
}

static int add_tracker(struct demo_run *r, size_t k)
{
	char uuid[37];
	int rc = start(r, trackers[k].facility, r->tracker_form, "detailed", uuid);
	if (rc == 0)
		rc = save_set(r, uuid, r->tracker_form, trackers[k].set, trackers[k].back, 0);
	if (rc == 0)
		rc = assess_save(r->db, uuid, "rapid_date", trackers[k].rapid, r->err);
	if (rc == 0)
		rc = assess_save(r->db, uuid, "team_leader", trackers[k].leader, r->err);
	for (const struct demo_answer *a = demo_sets[trackers[k].set]; rc == 0 && a->name; a++)
		if (strcmp(a->name, "consultant") == 0)
			rc = link_org(r, a->value, "adviser", uuid);
	if (rc != 0)
		return -1;
	r->n->trackers++;
	return 0;
}

static struct xform *load_form(struct demo_run *r, const char *datadir, const char *id)
{
	char *path = formdir_path(datadir, id, r->err);
	struct xform *f = path ? xform_load(path, r->err) : NULL;
	free(path);
	return f;
}

int demo_has_data(struct sx_db *db, struct sx_err *err)
{
	struct facility_row *rows = NULL;
	long n = facility_search(db, "", 1, &rows, err);
	if (n > 0)
		facility_rows_free(rows, (size_t)n);
	return n < 0 ? -1 : n > 0;
}

int demo_fill(struct sx_db *db, const char *datadir, struct demo_counts *out,
	      struct sx_err *err)
{
	struct demo_run r = { .db = db, .n = out, .seed = 3182, .err = err };
	int rc;

	memset(out, 0, sizeof *out);
	r.rapid_form = load_form(&r, datadir, "sxsh_rapid");
	r.tracker_form = r.rapid_form ? load_form(&r, datadir, "sxsh_detailed") : NULL;
	rc = r.tracker_form ? places_districts(db, &r.places, err) : -1;
	if (rc == 0)
		rc = add_facilities(&r);
	if (rc == 0)
		rc = add_orgs(&r);
	if (rc == 0)
		rc = add_people(&r);
	if (rc == 0)
		rc = add_sessions(&r);
	for (size_t k = 0; rc == 0 && k < NRAPIDS; k++)
		rc = add_rapid(&r, k);
	for (size_t k = 0; rc == 0 && k < NTRACKERS; k++)
		rc = add_tracker(&r, k);
	places_free(&r.places);
	xform_free(r.rapid_form);
	xform_free(r.tracker_form);
	return rc;
}
