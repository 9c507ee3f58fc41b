/*
 * The Sigma condition language (specification v2.1, "Condition").
 * Precedence, tightest first: parentheses, `x of y`, `not`, `and`, `or`.
 * Keywords are lowercase whole words: `notepad_sel` and `AND` are identifiers.
 */
grammar SigmaCondition;

@header { package dev.sigc.condition; }

condition
    : expr EOF
    ;

expr
    : LPAREN expr RPAREN                #parenExpr
    | quantifier OF target              #ofExpr
    | IDENTIFIER                        #identifierExpr
    | NOT expr                          #notExpr
    | expr AND expr                     #andExpr
    | expr OR expr                      #orExpr
    ;

quantifier
    : ONE
    | ANY
    | ALL
    ;

target
    : THEM
    | IDENTIFIER
    ;

AND     : 'and' ;
OR      : 'or' ;
NOT     : 'not' ;
OF      : 'of' ;
THEM    : 'them' ;
ALL     : 'all' ;
ANY     : 'any' ;
ONE     : '1' ;
LPAREN  : '(' ;
RPAREN  : ')' ;
PIPE    : '|' ;

/* A search identifier, or a pattern over identifiers with `*` (only meaningful after `of`). */
IDENTIFIER : [A-Za-z0-9_.\-*]+ ;

WS : [ \t\r\n]+ -> skip ;

/* Anything else is reported by the parser's error listener with its position. */
ERROR_CHAR : . ;
