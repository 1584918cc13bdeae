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
	regex_t *re;             /* regex() with a literal pattern: compiled once */
};

struct expr {
	struct expr_node *root;  /* the tree */
	char *src;               /* source text, owned */
};

/* Value produced while evaluating. */
enum expr_vtype { EXV_STR, EXV_NUM, EXV_BOOL };
struct expr_val {
	enum expr_vtype t;  /* which member holds the value */
	double n;           /* EXV_NUM value, or EXV_BOOL as 0/1 */
	const char *s;      /* EXV_STR text (borrowed or == own) */
	char *own;          /* heap copy backing s when the value owns it */
};

/* One function the language knows. */
struct expr_func {
	const char *name;   /* as written in forms */
	int min, max;       /* argument count range; max -1 means any */
	int ref_arg;        /* 1 when the argument must be a ${field} */
	struct expr_val (*fn)(const struct expr_node *n, const struct expr_env *env);
};

/* The function table (expr_eval.c), ended by a NULL name. */
extern const struct expr_func expr_funcs[];

/* Evaluate one node (expr_eval.c); the caller frees the value with exv_free(). */
struct expr_val expr_eval_node(const struct expr_node *n, const struct expr_env *env);

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

/* The value as a number (see expr_to_num() for strings). */
static inline double exv_to_num(const struct expr_val *v)
{
	return v->t == EXV_STR ? expr_to_num(v->s) : v->n;
}

/* XPath boolean(): non-empty strings, non-zero non-NaN numbers. */
static inline int exv_to_bool(const struct expr_val *v)
{
	if (v->t == EXV_STR)
		return v->s[0] != '\0';
	return v->n != 0 && v->n == v->n;
}

/* The value as text; numbers are formatted into buf (32 bytes). */
static inline const char *exv_to_str(const struct expr_val *v, char *buf)
{
	if (v->t == EXV_STR)
		return v->s;
	if (v->t == EXV_BOOL)
		return v->n ? "true" : "false";
	return expr_fmt_num(v->n, buf, 32);
}

/* Compile a regex() pattern for whole-value matching; NULL when it is
 * invalid or too costly.  Free with expr_regex_free(). */
regex_t *expr_regex_compile(const char *pattern);
/* Free a compiled pattern; NULL is fine. */
void expr_regex_free(regex_t *re);

#endif
