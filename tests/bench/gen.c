/* gen.c — a province-scale sync benchmark data set: 12 district export
 * folders (CSV files and a manifest each), written straight to disk.
 *
 *   gen HDRDIR OUTDIR [SCALE [CHANGED]]
 *
 * With CHANGED (a word), the same data set with 1 % of the generated rows edited later
 * (a new name or value and a newer updated_at): the "1 % changed" re-import of make bench.
 *
 * HDRDIR is an export of an empty database: its headers say which columns
 * each table has now, and its places, plans and indicators are copied into
 * every folder.  At SCALE 1 the folders hold 50,000 facilities, 200,000
 * people, 5,000 sessions, 500,000 attendance rows, 20,000 assessments and
 * 1,000,000 answers in all.  Keys are UUIDv7 whose times interleave across
 * districts, as when twelve laptops work through the same years. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/sha256.h"

#define DISTRICTS 12
#define MAXCOLS 64

static const char *const tables[] = { "places", "facilities", "people", "plans", "indicators",
	"sessions", "participants", "attendance", "assessments", "answers", NULL };

/* Columns of the table being written, from its header. */
static char *cols[MAXCOLS];
static int ncols;
static char district_uuid[DISTRICTS][37];

static void read_header(const char *hdr, const char *table)
{
	static char line[4096];    /* cols point into it */
	size_t n = sizeof line;
	char *path;
	FILE *fp;

	if (asprintf(&path, "%s/%s.csv", hdr, table) < 0 || !(fp = fopen(path, "r")) ||
	    !fgets(line, (int)n, fp)) {
		fprintf(stderr, "gen: cannot read %s/%s.csv\n", hdr, table);
		exit(1);
	}
	fclose(fp);
	free(path);
	line[strcspn(line, "\r\n")] = '\0';
	ncols = 0;
	for (char *tok = strtok(line, ","); tok && ncols < MAXCOLS; tok = strtok(NULL, ","))
		cols[ncols++] = tok;
}

/* GEN_KEYS=laptop: each uuid begins with its district (then the time), so a
 * district's keys do not interleave with the others' in any uuid index — the
 * measurement of what a per-laptop key prefix would give the daily case
 * (src/sync/README.md).  Default: the program's own UUIDv7 layout. */
static int laptop_keys;

/* A UUIDv7 for time ms and a sequence number (unique per district). */
static void uuid7(char out[41], long long ms, unsigned district, unsigned long long seq)
{
	if (laptop_keys) {
		snprintf(out, 41, "%02x%06llx-%04llx-7%03x-%04x-%012llx", district >> 4 & 0xff,
			 (unsigned long long)ms >> 24 & 0xffffff, (unsigned long long)ms >> 8 & 0xffff,
			 district & 0xfff, 0x8000 | (unsigned)(seq >> 48 & 0x3fff), seq & 0xffffffffffffULL);
		return;
	}
	snprintf(out, 41, "%08llx-%04llx-7%03x-%04x-%012llx", (unsigned long long)ms >> 16,
		 (unsigned long long)ms & 0xffff, district & 0xfff, 0x8000 | (unsigned)(seq >> 48 & 0x3fff),
		 seq & 0xffffffffffffULL);
}

static void iso(char out[32], long long ms)
{
	long long days = ms / 86400000, rem = ms % 86400000;
	/* Times stay inside 2017-2024: a fixed-width ISO string from days since 1970. */
	int y = 1970;
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int m = 0;

	for (;;) {
		int leap = (y % 4 == 0 && y % 100) || y % 400 == 0, len = 365 + leap;
		if (days < len)
			break;
		days -= len;
		y++;
	}
	for (;; m++) {
		int len = mdays[m] + (m == 1 && ((y % 4 == 0 && y % 100) || y % 400 == 0));
		if (days < len)
			break;
		days -= len;
	}
	snprintf(out, 32, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", y % 10000, (m + 1) % 100,
		 (int)(days + 1) % 100, (int)(rem / 3600000) % 100, (int)(rem / 60000 % 60),
		 (int)(rem / 1000 % 60), (int)(rem % 1000));
}

/* One output file being written, hashed as it goes. */
struct out {
	FILE *fp;
	struct sha256 sha;
	long long rows;
	char *val[MAXCOLS];    /* values of the row being built, by column */
	char buf[MAXCOLS][96]; /* their storage */
};

static void emit(struct out *o, const char *s)
{
	size_t n = strlen(s);
	fwrite(s, 1, n, o->fp);
	sha256_update(&o->sha, s, n);
}

static void set(struct out *o, const char *name, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void set(struct out *o, const char *name, const char *fmt, ...)
{
	va_list ap;

	for (int i = 0; i < ncols; i++) {
		if (strcmp(cols[i], name))
			continue;
		va_start(ap, fmt);
		vsnprintf(o->buf[i], sizeof o->buf[i], fmt, ap);
		va_end(ap);
		o->val[i] = o->buf[i];
	}
}

static void end_row(struct out *o)
{
	for (int i = 0; i < ncols; i++) {
		if (i)
			emit(o, ",");
		if (o->val[i])
			emit(o, o->val[i]);
		o->val[i] = NULL;
	}
	emit(o, "\n");
	o->rows++;
}

static FILE *manifest;
static int changed;  /* 1: edit every hundredth generated row */

static void open_out(struct out *o, const char *dir, const char *hdr, const char *table)
{
	char *path;

	memset(o, 0, sizeof *o);
	read_header(hdr, table);
	if (asprintf(&path, "%s/%s.csv", dir, table) < 0 || !(o->fp = fopen(path, "w"))) {
		fprintf(stderr, "gen: cannot write %s\n", dir);
		exit(1);
	}
	free(path);
	sha256_init(&o->sha);
	for (int i = 0; i < ncols; i++) {
		emit(o, i ? "," : "");
		emit(o, cols[i]);
	}
	emit(o, "\n");
}

static void close_out(struct out *o, const char *table)
{
	char hex[65];

	sha256_hex(&o->sha, hex);
	fclose(o->fp);
	fprintf(manifest, "file,%s.csv,%lld,%s\n", table, o->rows, hex);
}

/* Copy a shipped table (places, plans, indicators) as exported. */
static void copy_table(const char *dir, const char *hdr, const char *table)
{
	char *from, *to, buf[65536];
	struct out o = {0};
	FILE *in;
	size_t n;

	if (asprintf(&from, "%s/%s.csv", hdr, table) < 0 || asprintf(&to, "%s/%s.csv", dir, table) < 0)
		exit(1);
	in = fopen(from, "r");
	o.fp = fopen(to, "w");
	if (!in || !o.fp)
		exit(1);
	sha256_init(&o.sha);
	while ((n = fread(buf, 1, sizeof buf, in)) > 0) {
		fwrite(buf, 1, n, o.fp);
		sha256_update(&o.sha, buf, n);
		for (size_t i = 0; i < n; i++)
			o.rows += buf[i] == '\n';
	}
	o.rows--; /* the header */
	fclose(in);
	close_out(&o, table);
	free(from);
	free(to);
}

/* The city and district uuids, from the exported places. */
static void load_districts(const char *hdr)
{
	char line[4096], *path;
	int k = 0, ukind = -1, uuid = -1;
	FILE *fp;

	read_header(hdr, "places");
	for (int i = 0; i < ncols; i++) {
		if (!strcmp(cols[i], "kind"))
			ukind = i;
		if (!strcmp(cols[i], "uuid"))
			uuid = i;
	}
	if (asprintf(&path, "%s/places.csv", hdr) < 0 || !(fp = fopen(path, "r")))
		exit(1);
	while (fgets(line, sizeof line, fp) && k < DISTRICTS) {
		char *f[MAXCOLS];
		int n = 0;
		for (char *p = line, *q; n < MAXCOLS; p = q + 1) {
			f[n++] = p;
			if (!(q = strchr(p, ',')))
				break;
			*q = '\0';
		}
		if (n > ukind && (!strcmp(f[ukind], "city") || !strcmp(f[ukind], "district")))
			snprintf(district_uuid[k++], 37, "%s", f[uuid]);
	}
	fclose(fp);
	free(path);
	for (; k < DISTRICTS; k++)
		snprintf(district_uuid[k], 37, "%s", district_uuid[0]);
}

#define T0 1483228800000LL  /* 2017-01-01 */

/* The uuid and time of row i of table t in district d: times interleave. */
static long long when(int t, int d, long long i) { return T0 + i * 1200 + d * 97 + t; }
static void key(char out[41], int t, int d, long long i) { uuid7(out, when(t, d, i), (unsigned)(d * 16 + t), (unsigned long long)i); }

static void common(struct out *o, int t, int d, long long i, const char *origin)
{
	char u[41], ts[32];

	key(u, t, d, i);
	iso(ts, when(t, d, i) + (changed && i % 100 == 7 ? 86400000LL * 400 : 0));
	set(o, "uuid", "%s", u);
	set(o, "updated_at", "%s", ts);
	set(o, "origin", "%s", origin);
	set(o, "deleted", "0");
}

/* Rows per district of each generated table at SCALE 1. */
static const long long per_province[] = { 0, 50000, 200000, 0, 0, 5000, 0, 500000, 20000, 1000000 };

static void gen_row(struct out *o, int t, int d, long long i, const long long *n, const char *origin)
{
	char a[41], b[41], day[32];

	common(o, t, d, i, origin);
	switch (t) {
	case 1:
		set(o, "name", "Cơ sở chế biến sắn số %lld%s", i, changed && i % 100 == 7 ? " (mới)" : "");
		set(o, "place_uuid", "%s", district_uuid[d]);
		set(o, "address", "Bản %lld xã %lld", i % 40, i % 13);
		set(o, "sector", "%s", i % 3 ? "cassava" : "coffee");
		set(o, "cp_potential", "1");
		set(o, "phone", "09%08lld", i);
		break;
	case 2:
		key(a, 1, d, i % n[1]);
		set(o, "full_name", "Lò Văn Người %lld%s", i, changed && i % 100 == 7 ? " Bé" : "");
		set(o, "gender", "%s", i % 2 ? "f" : "m");
		set(o, "birth_year", "%lld", 1950 + i % 50);
		set(o, "phone", "08%08lld", i);
		set(o, "facility_uuid", "%s", a);
		set(o, "on_roster", "%d", i % 10 == 0);
		break;
	case 5:
		iso(day, when(t, d, i));
		day[10] = '\0';
		set(o, "kind", "training");
		set(o, "title", "Tập huấn sản xuất sạch hơn %lld", i);
		set(o, "start_date", "%s", day);
		set(o, "end_date", "%s", day);
		set(o, "place_uuid", "%s", district_uuid[d]);
		set(o, "expected", "100");
		break;
	case 7: {
		long long per = n[7] / (n[5] ? n[5] : 1) + 1, s = i / per;
		key(a, 5, d, s);
		key(b, 2, d, (s * per + i % per) % n[2]);
		iso(day, when(5, d, s));
		day[10] = '\0';
		set(o, "session_uuid", "%s", a);
		set(o, "person_uuid", "%s", b);
		set(o, "day", "%s", day);
		set(o, "present", "%d", (i % 7 != 0) ^ (changed && i % 100 == 7));
		break;
	}
	case 8:
		key(a, 1, d, i % n[1]);
		set(o, "facility_uuid", "%s", a);
		set(o, "kind", "rapid");
		set(o, "form_id", "sxsh_rapid");
		set(o, "form_version", "1");
		set(o, "status", "complete");
		iso(day, when(t, d, i));
		set(o, "started_at", "%s", day);
		break;
	case 9: {
		long long per = n[9] / (n[8] ? n[8] : 1) + 1;
		key(a, 8, d, i / per);
		set(o, "assessment_uuid", "%s", a);
		set(o, "name", "q%lld", i % per);
		set(o, "value", "\"%lld,%lld\"", i % 1000 + (changed && i % 100 == 7), i % 10);
		break;
	}
	}
	end_row(o);
}

int main(int argc, char **argv)
{
	double scale = argc > 3 ? atof(argv[3]) : 1.0;
	long long n[10];

	changed = argc > 4;
	laptop_keys = getenv("GEN_KEYS") && strcmp(getenv("GEN_KEYS"), "laptop") == 0;
	if (argc < 3) {
		fprintf(stderr, "usage: gen HDRDIR OUTDIR [SCALE]\n");
		return 2;
	}
	load_districts(argv[1]);
	for (int t = 0; t < 10; t++)
		n[t] = (long long)(per_province[t] * scale / DISTRICTS + 0.5);
	if (n[1] < 1 || n[2] < 100 || n[5] < 1 || n[8] < 1) {
		fprintf(stderr, "gen: SCALE too small\n");
		return 2;
	}
	mkdir(argv[2], 0700);
	for (int d = 0; d < DISTRICTS; d++) {
		char *dir, origin[41], *mp;
		uuid7(origin, T0, 0xfff, 0xffff00000000ULL + (unsigned long long)d);
		if (asprintf(&dir, "%s/d%02d", argv[2], d + 1) < 0 || mkdir(dir, 0700) != 0 ||
		    asprintf(&mp, "%s/manifest.csv", dir) < 0 || !(manifest = fopen(mp, "w"))) {
			fprintf(stderr, "gen: cannot create the folders in %s\n", argv[2]);
			return 1;
		}
		fprintf(manifest, "name,value,rows,sha256\nsxsh_export,1,,\nschema_version,1,,\n"
			"installation,%s,,\nexported_at,2024-12-31T00:00:00.000Z,,\nsince,,,\nplace,,,\n"
			"spreadsheet,0,,\n", origin);
		for (int t = 0; tables[t]; t++) {
			struct out o;
			if (t == 0 || t == 3 || t == 4) {
				copy_table(dir, argv[1], tables[t]);
				continue;
			}
			open_out(&o, dir, argv[1], tables[t]);
			for (long long i = 0; i < n[t]; i++)
				gen_row(&o, t, d, i, n, origin);
			close_out(&o, tables[t]);
		}
		fclose(manifest);
		free(mp);
		free(dir);
	}
	return 0;
}
