/* expr.c — tokenizer and recursive-descent parser of ODK expressions.
 *
 * The parser builds the tree once at form load; expr_eval.c walks it.  Every
 * recursion is bounded: nesting by EXPR_MAX_NEST (counted in the parser),
 * tree height by EXPR_MAX_DEPTH (computed as nodes are built), so a hostile
 * form can neither overflow the parser's stack nor the evaluator's. */
#include "form/expr.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form/expr_ast.h"
#include "base/i18n.h"
#include "base/mem.h"

enum tok_kind {
	T_END, T_NUM, T_STR, T_REF, T_DOT, T_DOTDOT, T_NAME, T_LPAREN, T_RPAREN, T_COMMA,
	T_PLUS, T_MINUS, T_STAR, T_EQ, T_NE, T_LT, T_LE, T_GT, T_GE,
};

struct tok {
	enum tok_kind kind;  /* what it is */
	size_t pos;          /* byte offset in the source */
	size_t len;          /* bytes in the source */
	char *text;          /* T_STR contents, T_REF name, T_NAME word; owned */
	double num;          /* T_NUM value */
};

struct parser {
	const char *src;     /* the text */
	size_t pos;          /* next byte to scan */
	struct tok tok;      /* current token */
	int nest;            /* current nesting of ( ), calls, unary minus */
	int columns;         /* bare names are choices columns (choice_filter) */
	int parent_ok;       /* `..` may come next: the argument of position() */
	int failed;          /* an error was recorded */
	size_t errpos;       /* byte offset of the error */
	char *err;           /* message buffer */
	size_t errlen;       /* its size */
};

static void fail(struct parser *p, size_t pos, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void fail(struct parser *p, size_t pos, const char *fmt, ...)
{
	va_list ap;

	if (p->failed)
		return; /* the first error is the one that explains the rest */
	p->failed = 1;
	p->errpos = pos;
	if (p->err && p->errlen) {
		va_start(ap, fmt);
		vsnprintf(p->err, p->errlen, fmt, ap);
		va_end(ap);
	}
}

/* ---- tokenizer ---------------------------------------------------------- */

static int is_name_start(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
}

static int is_name_char(unsigned char c)
{
	return is_name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.';
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Scan an XPath Number: digits [. digits] or . digits (no sign, no exponent). */
static void scan_number(struct parser *p, struct tok *t)
{
	const char *s = p->src + p->pos;
	size_t n = 0;

	while (is_digit(s[n]))
		n++;
	if (s[n] == '.') {
		n++;
		while (is_digit(s[n]))
			n++;
	}
	t->kind = T_NUM;
	t->len = n;
	char *copy = xstrndup(s, n);
	t->num = expr_to_num(copy);
	free(copy);
	if (is_name_start((unsigned char)s[n]))
		fail(p, p->pos + n, _("unexpected '%c' after a number"), s[n]);
}

static void scan_string(struct parser *p, struct tok *t)
{
	const char *s = p->src + p->pos;
	const char *end = strchr(s + 1, s[0]);

	if (!end) {
		fail(p, p->pos, _("string is not closed: add the missing %c"), s[0]);
		t->kind = T_END;
		return;
	}
	t->kind = T_STR;
	t->len = (size_t)(end - s) + 1;
	t->text = xstrndup(s + 1, (size_t)(end - s) - 1);
}

static void scan_ref(struct parser *p, struct tok *t)
{
	const char *s = p->src + p->pos;
	size_t n = 2;

	while (s[n] && s[n] != '}' && is_name_char((unsigned char)s[n]))
		n++;
	if (s[n] != '}') {
		fail(p, p->pos, _("field reference is not closed: write ${name}"));
		t->kind = T_END;
		return;
	}
	if (n == 2 || !is_name_start((unsigned char)s[2])) {
		fail(p, p->pos, _("'%.*s' is not a valid field name"), (int)(n - 2), s + 2);
		t->kind = T_END;
		return;
	}
	t->kind = T_REF;
	t->len = n + 1;
	t->text = xstrndup(s + 2, n - 2);
}

static int scan_op(const char *s, struct tok *t)
{
	static const struct { const char *text; enum tok_kind kind; } ops[] = {
		{ "!=", T_NE }, { "<=", T_LE }, { ">=", T_GE }, { "(", T_LPAREN },
		{ ")", T_RPAREN }, { ",", T_COMMA }, { "+", T_PLUS }, { "-", T_MINUS },
		{ "*", T_STAR }, { "=", T_EQ }, { "<", T_LT }, { ">", T_GT },
	};
	for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++) {
		size_t n = strlen(ops[i].text);
		if (strncmp(s, ops[i].text, n) == 0) {
			t->kind = ops[i].kind;
			t->len = n;
			return 1;
		}
	}
	return 0;
}

/* Replace p->tok by the next token. */
static void next(struct parser *p)
{
	struct tok *t = &p->tok;
	const char *s;

	free(t->text);
	memset(t, 0, sizeof *t);
	while (p->src[p->pos] == ' ' || p->src[p->pos] == '\t' ||
	       p->src[p->pos] == '\n' || p->src[p->pos] == '\r')
		p->pos++;
	s = p->src + p->pos;
	t->pos = p->pos;
	if (p->failed || !*s) {
		t->kind = T_END;
	} else if (is_digit(s[0]) || (s[0] == '.' && is_digit(s[1]))) {
		scan_number(p, t);
	} else if (s[0] == '.' && s[1] == '.') {
		t->kind = T_DOTDOT;
		t->len = 2;
	} else if (s[0] == '.') {
		t->kind = T_DOT;
		t->len = 1;
	} else if (s[0] == '\'' || s[0] == '"') {
		scan_string(p, t);
	} else if (s[0] == '$' && s[1] == '{') {
		scan_ref(p, t);
	} else if (is_name_start((unsigned char)s[0])) {
		size_t n = 1;
		/* the one namespaced function of the subset: jr:choice-name */
		if (strncmp(s, "jr:", 3) == 0 && is_name_start((unsigned char)s[3]))
			n = 4;
		while (is_name_char((unsigned char)s[n]))
			n++;
		t->kind = T_NAME;
		t->len = n;
		t->text = xstrndup(s, n);
	} else if (!scan_op(s, t)) {
		fail(p, p->pos, _("unexpected character '%c'"), s[0]);
		t->kind = T_END;
	}
	p->pos += t->len;
}

/* ---- tree building ---------------------------------------------------- */

static void node_free(struct expr_node *n)
{
	if (!n)
		return;
	for (size_t i = 0; i < n->nkid; i++)
		node_free(n->kid[i]);
	free(n->kid);
	free(n->str);
	expr_regex_free(n->re);
	free(n);
}

static int column(const char *src, size_t pos);

/* A node of kind that stands at byte offset pos of the source. */
static struct expr_node *node_new(const struct parser *p, enum expr_kind kind, size_t pos)
{
	struct expr_node *n = xcalloc(1, sizeof *n);
	n->kind = kind;
	n->col = column(p->src, pos);
	return n;
}

/* Record n's height and refuse trees taller than EXPR_MAX_DEPTH: chains like
 * a+b+c grow the tree without parser recursion.  Frees n on failure. */
static struct expr_node *seal(struct parser *p, struct expr_node *n, size_t pos)
{
	n->depth = 1;
	for (size_t i = 0; i < n->nkid; i++)
		if (n->kid[i]->depth + 1 > n->depth)
			n->depth = n->kid[i]->depth + 1;
	if (n->depth > EXPR_MAX_DEPTH) {
		fail(p, pos, _("expression is too long or too deeply nested"));
		node_free(n);
		return NULL;
	}
	return n;
}

static struct expr_node *binary(struct parser *p, int op, struct expr_node *l,
				struct expr_node *r, size_t pos)
{
	struct expr_node *n;

	if (!l || !r) {
		node_free(l);
		node_free(r);
		return NULL;
	}
	n = node_new(p, EXN_BIN, pos);
	n->op = op;
	n->kid = xcalloc(2, sizeof *n->kid);
	n->kid[0] = l;
	n->kid[1] = r;
	n->nkid = 2;
	return seal(p, n, pos);
}

/* ---- parser --------------------------------------------------------------- */

static struct expr_node *parse_or(struct parser *p);
static struct expr_node *parse_column(struct parser *p);

/* Binary operators by precedence level, loosest first. */
struct binop_syntax {
	enum tok_kind tok;   /* token kind */
	const char *word;    /* for T_NAME operators: the word */
	enum expr_binop op;  /* tree operator */
};
static const struct binop_syntax levels[][4] = {
	{ { T_NAME, "or", EXB_OR } },
	{ { T_NAME, "and", EXB_AND } },
	{ { T_EQ, NULL, EXB_EQ }, { T_NE, NULL, EXB_NE } },
	{ { T_LT, NULL, EXB_LT }, { T_LE, NULL, EXB_LE }, { T_GT, NULL, EXB_GT },
	  { T_GE, NULL, EXB_GE } },
	{ { T_PLUS, NULL, EXB_ADD }, { T_MINUS, NULL, EXB_SUB } },
	{ { T_STAR, NULL, EXB_MUL }, { T_NAME, "div", EXB_DIV }, { T_NAME, "mod", EXB_MOD } },
};
#define NLEVELS (sizeof levels / sizeof levels[0])

static const struct binop_syntax *match_binop(const struct tok *t, size_t level)
{
	for (size_t i = 0; i < 4 && levels[level][i].tok != T_END; i++) {
		const struct binop_syntax *b = &levels[level][i];
		if (b->tok != t->kind)
			continue;
		if (b->word && (!t->text || strcmp(b->word, t->text) != 0))
			continue;
		return b;
	}
	return NULL;
}

static int enter(struct parser *p)
{
	if (++p->nest > EXPR_MAX_NEST) {
		fail(p, p->tok.pos, _("expression is nested too deeply (more than %d levels)"),
		     EXPR_MAX_NEST);
		return 0;
	}
	return 1;
}

static void unexpected(struct parser *p)
{
	size_t len = p->tok.len > 40 ? 40 : p->tok.len;

	if (p->tok.kind == T_END) {
		fail(p, p->tok.pos, _("the expression ends too early"));
		return;
	}
	while (len < p->tok.len && ((unsigned char)p->src[p->tok.pos + len] & 0xC0) == 0x80)
		len--; /* do not cut a UTF-8 character in half */
	fail(p, p->tok.pos, _("unexpected '%.*s'"), (int)len, p->src + p->tok.pos);
}

static int lookup_func(const char *name)
{
	for (int i = 0; expr_funcs[i].name; i++)
		if (strcmp(expr_funcs[i].name, name) == 0)
			return i;
	return -1;
}

static void check_call(struct parser *p, struct expr_node *n, size_t pos)
{
	const struct expr_func *f = &expr_funcs[n->op];

	if ((int)n->nkid < f->min || (f->max >= 0 && (int)n->nkid > f->max)) {
		if (f->max == f->min)
			fail(p, pos, _("%s() takes %d argument(s), not %d"), f->name, f->min,
			     (int)n->nkid);
		else if (f->max < 0)
			fail(p, pos, _("%s() takes at least %d argument(s), not %d"), f->name,
			     f->min, (int)n->nkid);
		else
			fail(p, pos, _("%s() takes %d to %d arguments, not %d"), f->name, f->min,
			     f->max, (int)n->nkid);
	} else if (f->ref_arg && n->kid[0]->kind != EXN_REF) {
		fail(p, pos, _("%s() needs a field reference such as ${name}"), f->name);
	} else if (strcmp(f->name, "position") == 0 && n->kid[0]->kind != EXN_PARENT) {
		fail(p, pos, "%s", _("position() works on the current repeat entry: write position(..)"));
	} else if (strcmp(f->name, "indexed-repeat") == 0 &&
		   (n->nkid % 2 == 0 || n->kid[0]->kind != EXN_REF || n->kid[1]->kind != EXN_REF ||
		    (n->nkid == 5 && n->kid[3]->kind != EXN_REF))) {
		fail(p, pos, "%s", _("write indexed-repeat(${field}, ${repeat}, index), "
				     "optionally with a second ${repeat}, index"));
	} else if (strcmp(f->name, "jr:choice-name") == 0 &&
		   (n->kid[1]->kind != EXN_STR || strncmp(n->kid[1]->str, "${", 2) != 0)) {
		fail(p, pos, "%s", _("write jr:choice-name(${field}, '${field}'), "
				     "the second field in quotes"));
	} else if (strcmp(f->name, "regex") == 0 && n->kid[1]->kind == EXN_STR) {
		n->re = expr_regex_compile(n->kid[1]->str);
		if (!n->re)
			fail(p, pos, _("invalid or too complex regular expression '%s'"),
			     n->kid[1]->str);
	}
}

static void push_kid(struct expr_node *n, struct expr_node *k)
{
	n->kid = xreallocarray(n->kid, n->nkid + 1, sizeof *n->kid);
	n->kid[n->nkid++] = k;
}

/* NAME '(' [expr {',' expr}] ')' — the current token is the name. */
static struct expr_node *parse_call(struct parser *p)
{
	size_t pos = p->tok.pos;
	int fn = lookup_func(p->tok.text);
	struct expr_node *n;

	if (fn < 0) {
		fail(p, pos, _("unknown function '%s'"), p->tok.text);
		return NULL;
	}
	n = node_new(p, EXN_CALL, pos);
	n->op = fn;
	next(p); /* name */
	p->parent_ok = strcmp(expr_funcs[fn].name, "position") == 0;
	next(p); /* ( */
	if (p->tok.kind != T_RPAREN) {
		for (;;) {
			struct expr_node *k = parse_or(p);
			if (!k) {
				node_free(n);
				return NULL;
			}
			push_kid(n, k);
			if (p->tok.kind != T_COMMA)
				break;
			next(p);
		}
	}
	if (p->tok.kind != T_RPAREN) {
		if (!p->failed)
			fail(p, p->tok.pos, _("expected ',' or ')' in the call to %s()"),
			     expr_funcs[fn].name);
		node_free(n);
		return NULL;
	}
	next(p);
	check_call(p, n, pos);
	if (p->failed) {
		node_free(n);
		return NULL;
	}
	return seal(p, n, pos);
}

/* A name not followed by '(': XPath paths and bare words are outside the subset. */
static void bad_name(struct parser *p)
{
	static const char *const ops[] = { "and", "or", "div", "mod" };

	for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++) {
		if (strcmp(p->tok.text, ops[i]) == 0) {
			unexpected(p); /* an operator where a value should be */
			return;
		}
	}
	if (lookup_func(p->tok.text) >= 0)
		fail(p, p->tok.pos, _("'%s' is a function: write %s()"), p->tok.text, p->tok.text);
	else
		fail(p, p->tok.pos, _("unknown name '%s': refer to a field as ${%s}"),
		     p->tok.text, p->tok.text);
}

/* In a choice_filter, `district = ${district}` compares a choices column. */
static struct expr_node *parse_column(struct parser *p)
{
	struct expr_node *n = node_new(p, EXN_COL, p->tok.pos);

	n->str = p->tok.text;
	p->tok.text = NULL;
	n->depth = 1;
	next(p);
	return n;
}

static struct expr_node *parse_paren(struct parser *p)
{
	struct expr_node *n;

	next(p);
	n = parse_or(p);
	if (n && p->tok.kind != T_RPAREN) {
		fail(p, p->tok.pos, _("expected ')'"));
		node_free(n);
		return NULL;
	}
	if (n)
		next(p);
	return n;
}

static struct expr_node *parse_leaf(struct parser *p)
{
	struct expr_node *n;
	int parent_ok = p->parent_ok;

	p->parent_ok = 0;
	if (p->tok.kind == T_DOTDOT && !parent_ok) {
		fail(p, p->tok.pos, "%s", _("'..' is only understood in position(..)"));
		return NULL;
	}

	switch (p->tok.kind) {
	case T_NUM:
		n = node_new(p, EXN_NUM, p->tok.pos);
		n->num = p->tok.num;
		break;
	case T_STR:
	case T_REF:
		n = node_new(p, p->tok.kind == T_STR ? EXN_STR : EXN_REF, p->tok.pos);
		n->str = p->tok.text;
		p->tok.text = NULL;
		break;
	case T_DOT:
		n = node_new(p, EXN_DOT, p->tok.pos);
		break;
	case T_DOTDOT:
		n = node_new(p, EXN_PARENT, p->tok.pos);
		break;
	default:
		unexpected(p);
		return NULL;
	}
	n->depth = 1;
	next(p);
	return n;
}

static struct expr_node *parse_primary(struct parser *p)
{
	struct expr_node *n;

	if (p->tok.kind == T_LPAREN || p->tok.kind == T_NAME) {
		if (p->tok.kind == T_NAME && p->src[p->pos] != '(') {
			const char *s = p->src + p->pos;
			while (*s == ' ' || *s == '\t')
				s++;
			if (*s != '(') {
				if (p->columns)
					return parse_column(p);
				bad_name(p);
				return NULL;
			}
			p->pos = (size_t)(s - p->src);
		}
		if (!enter(p))
			return NULL;
		n = p->tok.kind == T_LPAREN ? parse_paren(p) : parse_call(p);
		p->nest--;
		return n;
	}
	return parse_leaf(p);
}

static struct expr_node *parse_unary(struct parser *p)
{
	struct expr_node *n, *k;
	size_t pos = p->tok.pos;

	if (p->tok.kind != T_MINUS)
		return parse_primary(p);
	if (!enter(p))
		return NULL;
	next(p);
	k = parse_unary(p);
	p->nest--;
	if (!k)
		return NULL;
	n = node_new(p, EXN_NEG, pos);
	push_kid(n, k);
	return seal(p, n, pos);
}

static struct expr_node *parse_level(struct parser *p, size_t level)
{
	struct expr_node *l;
	const struct binop_syntax *b;

	if (level == NLEVELS)
		return parse_unary(p);
	l = parse_level(p, level + 1);
	while (l && (b = match_binop(&p->tok, level))) {
		size_t pos = p->tok.pos;
		next(p);
		l = binary(p, b->op, l, parse_level(p, level + 1), pos);
	}
	return l;
}

static struct expr_node *parse_or(struct parser *p)
{
	return parse_level(p, 0);
}

/* 1-based column, in characters, of byte offset pos. */
static int column(const char *src, size_t pos)
{
	int col = 1;
	for (size_t i = 0; i < pos && src[i]; i++)
		if (((unsigned char)src[i] & 0xC0) != 0x80)
			col++;
	return col;
}

static struct expr *parse(const char *src, int columns, char *err, size_t errlen, int *errcol)
{
	struct parser p = { .src = src, .columns = columns, .err = err, .errlen = errlen };
	struct expr_node *root;
	struct expr *e;

	if (err && errlen)
		err[0] = '\0';
	next(&p);
	if (p.tok.kind == T_END && !p.failed)
		fail(&p, 0, _("the expression is empty"));
	root = p.failed ? NULL : parse_or(&p);
	if (root && p.tok.kind != T_END)
		unexpected(&p);
	free(p.tok.text);
	if (p.failed) {
		node_free(root);
		if (errcol)
			*errcol = column(src, p.errpos);
		return NULL;
	}
	e = xcalloc(1, sizeof *e);
	e->root = root;
	e->src = xstrdup(src);
	return e;
}

struct expr *expr_parse(const char *src, char *err, size_t errlen, int *errcol)
{
	return parse(src, 0, err, errlen, errcol);
}

struct expr *expr_parse_filter(const char *src, char *err, size_t errlen, int *errcol)
{
	return parse(src, 1, err, errlen, errcol);
}

void expr_free(struct expr *e)
{
	if (!e)
		return;
	node_free(e->root);
	free(e->src);
	free(e);
}

const char *expr_source(const struct expr *e)
{
	return e->src;
}

/* What a walk calls back: fn, or fn_at with the node's column. */
struct visit {
	void (*fn)(const char *name, void *arg);
	void (*fn_at)(const char *name, int col, void *arg);
	void *arg;
};

static void walk(const struct expr_node *n, enum expr_kind kind, const struct visit *v)
{
	if (n->kind == kind && v->fn)
		v->fn(n->str, v->arg);
	else if (n->kind == kind)
		v->fn_at(n->str, n->col, v->arg);
	for (size_t i = 0; i < n->nkid; i++)
		walk(n->kid[i], kind, v);
}

void expr_foreach_ref(const struct expr *e, void (*fn)(const char *name, void *arg), void *arg)
{
	walk(e->root, EXN_REF, &(struct visit){ .fn = fn, .arg = arg });
}

void expr_foreach_column(const struct expr *e, void (*fn)(const char *name, void *arg),
			 void *arg)
{
	walk(e->root, EXN_COL, &(struct visit){ .fn = fn, .arg = arg });
}

void expr_foreach_ref_at(const struct expr *e, void (*fn)(const char *name, int col, void *arg),
			 void *arg)
{
	walk(e->root, EXN_REF, &(struct visit){ .fn_at = fn, .arg = arg });
}

void expr_foreach_column_at(const struct expr *e,
			    void (*fn)(const char *name, int col, void *arg), void *arg)
{
	walk(e->root, EXN_COL, &(struct visit){ .fn_at = fn, .arg = arg });
}

int expr_is_literal(const struct expr *e)
{
	return e->root->kind == EXN_NUM || e->root->kind == EXN_STR;
}
