/* expr_ast.h — the expression tree, shared by the parser (expr.c) and the
 * evaluator (expr_eval.c).  Private to src/form/expr*.c. */
#ifndef SX_EXPR_AST_H
#define SX_EXPR_AST_H

#include <regex.h>
#include <stddef.h>
#include <stdlib.h>

#include "form/expr.h"

/* Node kinds. */
enum expr_kind {
	EXN_NUM,   /* number literal: num */
	EXN_STR,   /* string literal: str */
	EXN_REF,   /* ${name}: str is the name */
	EXN_DOT,   /* . */
	EXN_COL,   /* bare name in a choice_filter: a choices column; str */
	EXN_PARENT, /* .. (only as the argument of position()) */
	EXN_NEG,   /* unary minus of kid[0] */
	EXN_BIN,   /* binary operator op on kid[0], kid[1] */
	EXN_CALL,  /* function expr_funcs[op] on kid[0..nkid) */
};

/* Binary operators. */
enum expr_binop {
	EXB_OR, EXB_AND, EXB_EQ, EXB_NE, EXB_LT, EXB_LE, EXB_GT, EXB_GE,
	EXB_ADD, EXB_SUB, EXB_MUL, EXB_DIV, EXB_MOD,
};

struct expr_node {
	enum expr_kind kind;     /* what this node is */
	int op;                  /* enum expr_binop, or index into expr_funcs */
	double num;              /* EXN_NUM value */
	char *str;               /* EXN_STR text or EXN_REF name, owned */
	struct expr_node **kid;  /* children, owned */
	size_t nkid;             /* number of children */
	size_t depth;            /* height of the subtree, 1 for a leaf */
	int col;                 /* 1-based column, in characters, of the node in the
				  * source (an operator's or a function name's) */
	regex_t *re;             /* regex() with a literal pattern: compiled once */
};

struct expr {
	struct expr_node *root;  /* the tree */
	char *src;               /* source text, owned */
};

/* Value produced while evaluating. */
enum expr_vtype { EXV_STR, EXV_NUM, EXV_BOOL, EXV_DATE };
struct expr_val {
	enum expr_vtype t;  /* which member holds the value */
	double n;           /* EXV_NUM value, EXV_BOOL as 0/1, EXV_DATE days since 1970 */
	const char *s;      /* EXV_STR text, EXV_DATE text (borrowed or == own) */
	char *own;          /* heap copy backing s when the value owns it */
};

/* One function the language knows. */
struct expr_func {
	const char *name;   /* as written in forms */
	int min, max;       /* argument count range; max -1 means any */
	int ref_arg;        /* 1 when the argument must be a ${field} */
	struct expr_val (*fn)(const struct expr_node *n, const struct expr_env *env);
};

/* Arguments of a call as a number, boolean, or string the caller frees. */
double expr_arg_num(const struct expr_node *n, size_t i, const struct expr_env *env);
int expr_arg_bool(const struct expr_node *n, size_t i, const struct expr_env *env);
char *expr_arg_str(const struct expr_node *n, size_t i, const struct expr_env *env);
/* Instance i of a repeated ${name} as a number (NaN when empty). */
double expr_instance_num(const char *name, size_t i, const struct expr_env *env);
/* Every instance of ${name} as text, joined (concat of a repeat field). */
char *expr_join_instances(const char *name, const struct expr_env *env);

/* Proleptic Gregorian date of a day count since 1970-01-01. */
void expr_civil_from_days(long z, long *y, long *m, long *d);

/* The handlers of expr_func_more.c. */
#define EXF(name) struct expr_val exf_##name(const struct expr_node *n, const struct expr_env *env)
EXF(count_non_empty); EXF(max); EXF(min); EXF(boolean); EXF(string); EXF(contains);
EXF(starts_with); EXF(ends_with); EXF(substr); EXF(selected_at); EXF(date);
EXF(decimal_date_time); EXF(format_date); EXF(once); EXF(position); EXF(indexed_repeat);
EXF(choice_name);
#undef EXF

/* The function table (expr_func.c), ended by a NULL name. */
extern const struct expr_func expr_funcs[];

/* Evaluate one node (expr_eval.c); the caller frees the value with exv_free(). */
struct expr_val expr_eval_node(const struct expr_node *n, const struct expr_env *env);

/* A stored answer read as enum expr_rtype type (the text is borrowed). */
struct expr_val expr_typed(const char *v, int type, int tz_min);

/* Value constructors and conversions, small enough to inline. */
/* A number value. */
static inline struct expr_val exv_num(double n)
{
	return (struct expr_val){ .t = EXV_NUM, .n = n };
}

/* A boolean value. */
static inline struct expr_val exv_bool(int b)
{
	return (struct expr_val){ .t = EXV_BOOL, .n = b ? 1 : 0 };
}

/* A string the value does not own (a literal, an answer from the env). */
static inline struct expr_val exv_borrow(const char *s)
{
	return (struct expr_val){ .t = EXV_STR, .s = s ? s : "" };
}

/* A string the value owns: s (from the mem.h allocators) is taken over. */
static inline struct expr_val exv_own(char *s)
{
	return (struct expr_val){ .t = EXV_STR, .s = s, .own = s };
}

/* Release what the value owns; its text must not be read afterwards. */
static inline void exv_free(struct expr_val *v)
{
	free(v->own);
	v->own = NULL;
}

/* A date (or date and time): its text and its day number. */
static inline struct expr_val exv_date(const char *text, char *own, double days)
{
	return (struct expr_val){ .t = EXV_DATE, .s = text, .own = own, .n = days };
}

/* The value as a number (see expr_to_num() for strings). */
static inline double exv_to_num(const struct expr_val *v)
{
	return v->t == EXV_STR ? expr_to_num(v->s) : v->n;
}

/* JavaRosa's toBoolean(): non-empty strings, numbers further than 1e-12
 * from 0 and not NaN, every date. */
static inline int exv_to_bool(const struct expr_val *v)
{
	if (v->t == EXV_STR)
		return v->s[0] != '\0';
	if (v->t == EXV_DATE)
		return 1;
	return (v->n > 1e-12 || v->n < -1e-12) && v->n == v->n;
}

/* XPath string() of a double as JavaRosa writes it: "NaN", "Infinity",
 * whole numbers of the int range without a point, else Double.toString. */
char *expr_xpath_num_str(double x, char *buf, size_t len);
/* Java's Double.toString(x): "3.3333333333333335", "1.0E10", "-0.0". */
char *expr_java_dtoa(double x, char *buf, size_t len);
/* A stored calculation result read back: Double.toString's text (with E,
 * Infinity) or a plain number; NaN when it is neither. */
double expr_stored_num(const char *s);
/* JavaRosa's round(x, digits). */
double expr_round(double x, double digits);
/* Day number (local) of a yyyy-mm-dd[Thh:mm[:ss[.mmm]][Z|±hh[:mm]]] text;
 * with ms also its UTC milliseconds (a date alone counts as local
 * midnight at tz_min).  0 when it is not one. */
int expr_parse_datetime(const char *s, int tz_min, double *days, double *ms);

/* The value as text (XPath string()); numbers are formatted into buf (32 bytes). */
static inline const char *exv_to_str(const struct expr_val *v, char *buf)
{
	if (v->t == EXV_STR || v->t == EXV_DATE)
		return v->s;
	if (v->t == EXV_BOOL)
		return v->n ? "true" : "false";
	return expr_xpath_num_str(v->n, buf, 32);
}

/* Compile a regex() pattern for whole-value matching; NULL when it is
 * invalid or too costly.  Free with expr_regex_free(). */
regex_t *expr_regex_compile(const char *pattern);
/* Free a compiled pattern; NULL is fine. */
void expr_regex_free(regex_t *re);

#endif
