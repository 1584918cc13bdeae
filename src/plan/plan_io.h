/* plan_io.h — plans as one CSV file the office edits: list, export, import.
 *
 * The layout (UTF-8, comma-separated, one header row, RFC 4180 quoting):
 *
 *   kind,plan,code,measure,year,area,target,unit,label_vi,label_en,
 *   decision,period_start,period_end,closed_on,source
 *
 * kind "plan": the plan's code in `plan`; its title in label_vi/label_en,
 *   decision, period_start/period_end (yyyy-mm-dd), closed_on (yyyy-mm-dd
 *   or blank), source.
 * kind "indicator": an indicator of `plan`: its `code`, `measure` (one of
 *   plan.h's: informed_share, rapid_count, detailed_count,
 *   roster_trained_share, awareness_events, training_courses), the whole
 *   plan's `target` (blank: none), unit, labels, source.
 * kind "target": the target of indicator `code` of `plan` for a `year`
 *   (blank: the whole period) and/or an `area` (blank: the province; else
 *   the place's official code, which must name one unit in force in that
 *   year or the plan period, or the place's uuid, since codes are reused).
 *   With a year this is the annual programme: what is planned that year.
 * Export writes every live plan in this layout, plans by period, then
 * indicators in their order, then targets by code, year and area; export →
 * import → export gives the same file.  Import makes each plan in the file
 * exactly what the file says (rows of those plans missing from the file
 * are deleted, as tombstones that sync carries); other plans are left
 * alone; nothing changes unless the whole file is valid. */
#ifndef SX_PLAN_IO_H
#define SX_PLAN_IO_H

#include <stdio.h>

#include "base/err.h"
#include "db/db.h"

/* The file's header row, without the line end. */
extern const char plan_io_header[];

/* The live plans' codes by period (*codes allocated, free each and it).
 * The count, or -1 with err. */
long plan_io_codes(struct sx_db *db, char ***codes, struct sx_err *err);
/* One line per live plan: code, period, closed, indicators, title. */
int plan_io_list(struct sx_db *db, FILE *out, struct sx_err *err);
/* Every live plan as CSV (LF line ends).  0, or -1 with err. */
int plan_io_export(struct sx_db *db, FILE *out, struct sx_err *err);
/* Import the file at path in one transaction.  The number of rows added
 * or changed, or -1 with every problem as file:line: message in err. */
int plan_io_import(struct sx_db *db, const char *path, struct sx_err *err);

#endif
