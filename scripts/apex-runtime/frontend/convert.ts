/**
 * Builds the runtime's syntax tree (ast.ts) from the ANTLR parse tree of @apexdevtools/apex-parser.
 * Constructs the converter does not know become "unsupported" nodes that name the construct and its line, so a test
 * that reaches them is reported UNSUPPORTED rather than passing silently.
 */
import * as P from '@apexdevtools/apex-parser';
import type {
  Annotation,
  Block,
  CompilationUnit,
  Expr,
  LocalDecl,
  Param,
  Stmt,
  TypeDecl,
  TypeRef,
  WhenClause
} from './ast';

type Ctx = P.ApexParserRuleContext;

function line(ctx: Ctx): number {
  return ctx.start?.line ?? 0;
}

export class Converter {
  constructor(private readonly source: string) {}

  /** Original text of a subtree, whitespace included (getText() drops it). */
  private textOf(ctx: Ctx): string {
    return this.source.substring(ctx.start.start, (ctx.stop ?? ctx.start).stop + 1);
  }

  compilationUnit(ctx: P.CompilationUnitContext): CompilationUnit {
    return { type: this.typeDeclaration(ctx.typeDeclaration()) };
  }

  triggerUnit(ctx: P.TriggerUnitContext): CompilationUnit {
    const ids = ctx.id_list();
    const events = ctx.triggerCase_list().map((c) =>
      c
        .getText()
        .toLowerCase()
        .replace(/^(before|after)/, '$1 ')
    );
    const stmts: Stmt[] = [];
    for (const member of ctx.triggerBlock().triggerBlockMember_list()) {
      const st = member.statement();
      // `List<Account> toInsert = new List<Account>();` at the top of a trigger parses as a field declaration; in a
      // trigger it is a variable of the trigger's body (Apex Developer Guide, "Triggers": the body is a code block)
      const field = member.triggerMemberDeclaration()?.fieldDeclaration();
      if (st) stmts.push(this.statement(st));
      else if (field) stmts.push(this.declaration(field.typeRef(), field.variableDeclarators(), line(member)));
      else stmts.push({ k: 'unsupported', line: line(member), what: 'member declaration inside a trigger' });
    }
    return {
      trigger: {
        name: ids[0].getText(),
        object: ids[1].getText(),
        events,
        body: { k: 'block', line: line(ctx), s: stmts },
        line: line(ctx)
      }
    };
  }

  private modifiers(list: P.ModifierContext[]): { mods: string[]; ann: Annotation[] } {
    const mods: string[] = [];
    const ann: Annotation[] = [];
    for (const m of list) {
      const a = m.annotation();
      if (a) ann.push(this.annotation(a));
      else mods.push(m.getText().toLowerCase());
    }
    return { mods, ann };
  }

  private annotation(a: P.AnnotationContext): Annotation {
    const params: Record<string, string | boolean> = {};
    const pairs = a.elementValuePairs();
    if (pairs) {
      for (const p of pairs.elementValuePair_list()) {
        params[p.id().getText().toLowerCase()] = literalText(p.elementValue().getText());
      }
    }
    const single = a.elementValue();
    if (single) params.value = literalText(single.getText());
    return { name: a.id().getText().toLowerCase(), params };
  }

  typeDeclaration(ctx: P.TypeDeclarationContext): TypeDecl {
    const { mods, ann } = this.modifiers(ctx.modifier_list());
    const cls = ctx.classDeclaration();
    if (cls) return this.classDeclaration(cls, mods, ann);
    const en = ctx.enumDeclaration();
    if (en) return this.enumDeclaration(en, mods, ann);
    return this.interfaceDeclaration(ctx.interfaceDeclaration(), mods, ann);
  }

  private emptyType(kind: TypeDecl['kind'], name: string, mods: string[], ann: Annotation[], ln: number): TypeDecl {
    return {
      kind,
      name,
      mods,
      ann,
      impl: [],
      fields: [],
      methods: [],
      ctors: [],
      props: [],
      inits: [],
      order: [],
      inner: [],
      enumValues: [],
      line: ln
    };
  }

  private enumDeclaration(ctx: P.EnumDeclarationContext, mods: string[], ann: Annotation[]): TypeDecl {
    const t = this.emptyType('enum', ctx.id().getText(), mods, ann, line(ctx));
    t.enumValues =
      ctx
        .enumConstants()
        ?.id_list()
        .map((i) => i.getText()) ?? [];
    return t;
  }

  private interfaceDeclaration(ctx: P.InterfaceDeclarationContext, mods: string[], ann: Annotation[]): TypeDecl {
    const t = this.emptyType('interface', ctx.id().getText(), mods, ann, line(ctx));
    const ext = ctx.typeList();
    if (ext) t.impl = ext.typeRef_list().map((r) => this.typeRef(r));
    for (const m of ctx.interfaceBody().interfaceMethodDeclaration_list()) {
      const mm = this.modifiers(m.modifier_list());
      t.methods.push({
        name: m.id().getText(),
        params: this.formalParameters(m.formalParameters()),
        ret: m.typeRef() ? this.typeRef(m.typeRef()) : null,
        mods: [...mm.mods, 'abstract'],
        ann: mm.ann,
        line: line(m)
      });
    }
    return t;
  }

  private classDeclaration(ctx: P.ClassDeclarationContext, mods: string[], ann: Annotation[]): TypeDecl {
    const t = this.emptyType('class', ctx.id().getText(), mods, ann, line(ctx));
    if (ctx.typeRef()) t.ext = this.typeRef(ctx.typeRef());
    if (ctx.typeList())
      t.impl = ctx
        .typeList()
        .typeRef_list()
        .map((r) => this.typeRef(r));
    for (const d of ctx.classBody().classBodyDeclaration_list()) {
      const block = d.block();
      if (block) {
        const isStatic = !!d.STATIC();
        t.inits.push({ static: isStatic, body: this.block(block) });
        t.order.push({ static: isStatic, init: t.inits.length - 1 });
        continue;
      }
      const member = d.memberDeclaration();
      if (!member) continue;
      const { mods: mm, ann: ma } = this.modifiers(d.modifier_list());
      const isStatic = mm.includes('static');
      const method = member.methodDeclaration();
      if (method) {
        const body = method.block();
        t.methods.push({
          name: method.id().getText(),
          params: this.formalParameters(method.formalParameters()),
          ret: method.typeRef() ? this.typeRef(method.typeRef()) : null,
          body: body ? this.block(body) : undefined,
          mods: mm,
          ann: ma,
          line: line(method)
        });
        continue;
      }
      const ctor = member.constructorDeclaration();
      if (ctor) {
        t.ctors.push({
          params: this.formalParameters(ctor.formalParameters()),
          body: this.block(ctor.block()),
          mods: mm,
          line: line(ctor)
        });
        continue;
      }
      const field = member.fieldDeclaration();
      if (field) {
        const type = this.typeRef(field.typeRef());
        for (const v of field.variableDeclarators().variableDeclarator_list()) {
          const e = v.expression();
          t.fields.push({ name: v.id().getText(), type, init: e ? this.expr(e) : undefined, mods: mm, line: line(v) });
          t.order.push({ static: isStatic, field: v.id().getText() });
        }
        continue;
      }
      const prop = member.propertyDeclaration();
      if (prop) {
        const p: TypeDecl['props'][number] = {
          name: prop.id().getText(),
          type: this.typeRef(prop.typeRef()),
          mods: mm,
          line: line(prop)
        };
        for (const pb of prop.propertyBlock_list()) {
          const accessorMods = this.modifiers(pb.modifier_list()).mods;
          const g = pb.getter();
          if (g) p.getter = { body: g.block() ? this.block(g.block()) : undefined, mods: accessorMods };
          const s = pb.setter();
          if (s) p.setter = { body: s.block() ? this.block(s.block()) : undefined, mods: accessorMods };
        }
        t.props.push(p);
        continue;
      }
      const innerCls = member.classDeclaration();
      if (innerCls) {
        t.inner.push(this.classDeclaration(innerCls, mm, ma));
        continue;
      }
      const innerEnum = member.enumDeclaration();
      if (innerEnum) {
        t.inner.push(this.enumDeclaration(innerEnum, mm, ma));
        continue;
      }
      const innerIface = member.interfaceDeclaration();
      if (innerIface) t.inner.push(this.interfaceDeclaration(innerIface, mm, ma));
    }
    return t;
  }

  private formalParameters(ctx: P.FormalParametersContext): Param[] {
    const list = ctx.formalParameterList();
    if (!list) return [];
    return list.formalParameter_list().map((p) => ({ type: this.typeRef(p.typeRef()), n: p.id().getText() }));
  }

  typeRef(ctx: P.TypeRefContext): TypeRef {
    const names = ctx.typeName_list();
    let args: TypeRef[] | undefined;
    const parts: string[] = [];
    for (const tn of names) {
      if (tn.LIST()) parts.push('List');
      else if (tn.SET()) parts.push('Set');
      else if (tn.MAP()) parts.push('Map');
      else parts.push(tn.id().getText());
      const ta = tn.typeArguments();
      if (ta)
        args = ta
          .typeList()
          .typeRef_list()
          .map((r) => this.typeRef(r));
    }
    let ref: TypeRef = { n: parts.join('.') };
    if (args) ref.a = args;
    const subs = ctx.arraySubscripts();
    const depth = subs ? subs.LBRACK_list().length : 0;
    for (let i = 0; i < depth; i++) ref = { n: 'List', a: [ref] };
    return ref;
  }

  block(ctx: P.BlockContext): Block {
    return { k: 'block', line: line(ctx), s: ctx.statement_list().map((s) => this.statement(s)) };
  }

  private localDecl(ctx: P.LocalVariableDeclarationContext): LocalDecl {
    return this.declaration(ctx.typeRef(), ctx.variableDeclarators(), line(ctx));
  }

  private declaration(type: P.TypeRefContext, declarators: P.VariableDeclaratorsContext, ln: number): LocalDecl {
    return {
      k: 'local',
      line: ln,
      type: this.typeRef(type),
      decls: declarators.variableDeclarator_list().map((v) => {
        const e = v.expression();
        return { n: v.id().getText(), init: e ? this.expr(e) : undefined, line: line(v) };
      })
    };
  }

  statement(ctx: P.StatementContext): Stmt {
    const ln = line(ctx);
    const c = ctx.getChild(0) as Ctx;
    if (c instanceof P.BlockContext) return this.block(c);
    if (c instanceof P.LocalVariableDeclarationStatementContext) return this.localDecl(c.localVariableDeclaration());
    if (c instanceof P.ExpressionStatementContext) return { k: 'expr', line: ln, e: this.expr(c.expression()) };
    if (c instanceof P.IfStatementContext) {
      const sts = c.statement_list();
      return {
        k: 'if',
        line: ln,
        c: this.expr(c.parExpression().expression()),
        t: this.statement(sts[0]),
        f: sts[1] ? this.statement(sts[1]) : undefined
      };
    }
    if (c instanceof P.ReturnStatementContext) {
      const e = c.expression();
      return { k: 'return', line: ln, e: e ? this.expr(e) : undefined };
    }
    if (c instanceof P.ForStatementContext) return this.forStatement(c);
    if (c instanceof P.WhileStatementContext) {
      const body = c.statement();
      return {
        k: 'while',
        line: ln,
        c: this.expr(c.parExpression().expression()),
        body: body ? this.statement(body) : { k: 'block', line: ln, s: [] }
      };
    }
    if (c instanceof P.DoWhileStatementContext) {
      return { k: 'dowhile', line: ln, c: this.expr(c.parExpression().expression()), body: this.block(c.block()) };
    }
    if (c instanceof P.TryStatementContext) {
      const fin = c.finallyBlock();
      return {
        k: 'try',
        line: ln,
        body: this.block(c.block()),
        catches: c.catchClause_list().map((cc) => ({
          type: { n: cc.qualifiedName().getText() },
          n: cc.id().getText(),
          body: this.block(cc.block()),
          line: line(cc)
        })),
        fin: fin ? this.block(fin.block()) : undefined
      };
    }
    if (c instanceof P.ThrowStatementContext) return { k: 'throw', line: ln, e: this.expr(c.expression()) };
    if (c instanceof P.BreakStatementContext) return { k: 'break', line: ln };
    if (c instanceof P.ContinueStatementContext) return { k: 'continue', line: ln };
    if (c instanceof P.SwitchStatementContext) return this.switchStatement(c);
    if (c instanceof P.RunAsStatementContext) {
      const list = c.expressionList();
      return {
        k: 'runas',
        line: ln,
        args: list ? list.expression_list().map((e) => this.expr(e)) : [],
        body: this.block(c.block())
      };
    }
    const dml = dmlOf(c);
    if (dml) {
      const access = dml.ctx.accessLevel();
      const base = {
        k: 'dml' as const,
        line: ln,
        op: dml.op,
        access: access ? access.getText().toLowerCase().replace('as', '') : undefined
      };
      if (c instanceof P.MergeStatementContext) {
        const [a, b] = c.expression_list();
        return { ...base, e: this.expr(a), e2: this.expr(b) };
      }
      const upsertField = c instanceof P.UpsertStatementContext ? c.qualifiedName() : null;
      return { ...base, e: this.expr(dml.ctx.expression()), extId: upsertField ? upsertField.getText() : undefined };
    }
    return { k: 'unsupported', line: ln, what: `statement '${ctx.getText().slice(0, 40)}'` };
  }

  private forStatement(c: P.ForStatementContext): Stmt {
    const ln = line(c);
    const control = c.forControl();
    const body = c.statement() ? this.statement(c.statement()) : ({ k: 'block', line: ln, s: [] } as Block);
    const enhanced = control.enhancedForControl();
    if (enhanced) {
      return {
        k: 'foreach',
        line: ln,
        type: this.typeRef(enhanced.typeRef()),
        n: enhanced.id().getText(),
        e: this.expr(enhanced.expression()),
        body
      };
    }
    const init = control.forInit();
    const cond = control.expression();
    const upd = control.forUpdate();
    return {
      k: 'for',
      line: ln,
      init: init?.localVariableDeclaration() ? this.localDecl(init.localVariableDeclaration()) : undefined,
      initExprs: init?.expressionList()
        ? init
            .expressionList()
            .expression_list()
            .map((e) => this.expr(e))
        : undefined,
      c: cond ? this.expr(cond) : undefined,
      update: upd
        ? upd
            .expressionList()
            .expression_list()
            .map((e) => this.expr(e))
        : undefined,
      body
    };
  }

  private switchStatement(c: P.SwitchStatementContext): Stmt {
    const whens: WhenClause[] = c.whenControl_list().map((w) => {
      const v = w.whenValue();
      const body = this.block(w.block());
      if (v.ELSE()) return { line: line(w), kind: 'else', body };
      if (v.typeRef() && v.id())
        return { line: line(w), kind: 'type', type: this.typeRef(v.typeRef()), n: v.id().getText(), body };
      return { line: line(w), kind: 'values', values: v.whenLiteral_list().map((l) => this.whenLiteral(l)), body };
    });
    return { k: 'switch', line: line(c), e: this.expr(c.expression()), whens };
  }

  private whenLiteral(l: P.WhenLiteralContext): Expr {
    const ln = line(l);
    if (l.whenLiteral()) return this.whenLiteral(l.whenLiteral());
    if (l.NULL()) return { k: 'lit', line: ln, t: 'null', v: null };
    const s = l.StringLiteral();
    if (s) return { k: 'lit', line: ln, t: 'str', v: unescapeApex(s.getText()) };
    const neg = l.SUB_list().length % 2 === 1 ? '-' : '';
    if (l.IntegerLiteral()) return { k: 'lit', line: ln, t: 'int', v: neg + l.IntegerLiteral().getText() };
    if (l.LongLiteral())
      return { k: 'lit', line: ln, t: 'long', v: neg + l.LongLiteral().getText().replace(/[lL]$/, '') };
    // an enum value (or qualified enum value)
    const q = l.qualifiedName();
    const ids = q.id_list().map((i) => i.getText());
    return { k: 'name', line: ln, n: ids[ids.length - 1] };
  }

  expr(ctx: P.ExpressionContext): Expr {
    const ln = line(ctx);
    if (ctx instanceof P.PrimaryExpressionContext) return this.primary(ctx.primary());
    if (ctx instanceof P.DotExpressionContext) {
      const safe = !!ctx.QUESTIONDOT();
      const target = this.expr(ctx.expression());
      const dm = ctx.dotMethodCall();
      if (dm) {
        const list = dm.expressionList();
        return {
          k: 'call',
          line: ln,
          e: target,
          n: dm.anyId().getText(),
          args: list ? list.expression_list().map((e) => this.expr(e)) : [],
          safe
        };
      }
      return { k: 'dot', line: ln, e: target, n: ctx.anyId().getText(), safe };
    }
    if (ctx instanceof P.MethodCallExpressionContext) {
      const mc = ctx.methodCall();
      const list = mc.expressionList();
      const args = list ? list.expression_list().map((e) => this.expr(e)) : [];
      if (mc.THIS() || mc.SUPER()) return { k: 'thisCall', line: ln, sup: !!mc.SUPER(), args };
      return { k: 'call', line: ln, e: null, n: mc.id().getText(), args, safe: false };
    }
    if (ctx instanceof P.NewExpressionContext) return this.creator(ctx.creator(), ln);
    if (ctx instanceof P.ArrayExpressionContext) {
      const [a, b] = ctx.expression_list();
      return { k: 'idx', line: ln, e: this.expr(a), i: this.expr(b) };
    }
    if (ctx instanceof P.AssignExpressionContext) {
      const [a, b] = ctx.expression_list();
      const op = (ctx.getChild(1) as unknown as { getText(): string }).getText();
      return { k: 'assign', line: ln, op, l: this.expr(a), r: this.expr(b) };
    }
    if (ctx instanceof P.CondExpressionContext) {
      const [c, a, b] = ctx.expression_list();
      return { k: 'cond', line: ln, c: this.expr(c), a: this.expr(a), b: this.expr(b) };
    }
    if (ctx instanceof P.SubExpressionContext) return this.expr(ctx.expression());
    if (ctx instanceof P.CastExpressionContext)
      return { k: 'cast', line: ln, type: this.typeRef(ctx.typeRef()), e: this.expr(ctx.expression()) };
    if (ctx instanceof P.InstanceOfExpressionContext)
      return { k: 'instanceof', line: ln, e: this.expr(ctx.expression()), type: this.typeRef(ctx.typeRef()) };
    if (ctx instanceof P.PostOpExpressionContext)
      return { k: 'incdec', line: ln, op: ctx.INC() ? '++' : '--', prefix: false, e: this.expr(ctx.expression()) };
    if (ctx instanceof P.PreOpExpressionContext) {
      if (ctx.INC() || ctx.DEC())
        return { k: 'incdec', line: ln, op: ctx.INC() ? '++' : '--', prefix: true, e: this.expr(ctx.expression()) };
      return { k: 'unary', line: ln, op: ctx.SUB() ? '-' : '+', e: this.expr(ctx.expression()) };
    }
    if (ctx instanceof P.NegExpressionContext)
      return { k: 'unary', line: ln, op: ctx.BANG() ? '!' : '~', e: this.expr(ctx.expression()) };
    // binary operators: the operator is the text between the two operands (e.g. "<=" is two tokens, ">>>" three)
    const operands = (ctx as unknown as { expression_list?: () => P.ExpressionContext[] }).expression_list?.();
    if (operands && operands.length === 2) {
      const [a, b] = operands;
      const op = this.source.substring(a.stop!.stop + 1, b.start.start).trim();
      const l = this.expr(a);
      const r = this.expr(b);
      return { k: 'bin', line: ln, op, l, r };
    }
    return { k: 'unsupported', line: ln, what: `expression '${ctx.getText().slice(0, 40)}'` };
  }

  private primary(p: P.PrimaryContext): Expr {
    const ln = line(p);
    if (p instanceof P.IdPrimaryContext) return { k: 'name', line: ln, n: p.id().getText() };
    if (p instanceof P.LiteralPrimaryContext) return literal(p.literal(), ln);
    if (p instanceof P.ThisPrimaryContext) return { k: 'this', line: ln };
    if (p instanceof P.SuperPrimaryContext) return { k: 'super', line: ln };
    if (p instanceof P.TypeRefPrimaryContext) return { k: 'classLit', line: ln, type: this.typeRef(p.typeRef()) };
    if (p instanceof P.VoidPrimaryContext) return { k: 'classLit', line: ln, type: { n: 'void' } };
    if (p instanceof P.SoqlPrimaryContext) return this.soql(p.soqlLiteral().query(), ln);
    if (p instanceof P.SoslPrimaryContext) {
      // `[FIND ... RETURNING ...]`: the engine reads the search without its brackets
      const { text, binds } = this.withBinds(p.soslLiteral());
      return { k: 'sosl', line: ln, text: stripComments(text.replace(/^\[\s*/, '').replace(/\]\s*$/, '')), binds };
    }
    return { k: 'unsupported', line: ln, what: `expression '${p.getText().slice(0, 40)}'` };
  }

  /** Keeps the query's text for the SOQL engine; every bound expression becomes a numbered bind ":__bN". */
  private soql(q: P.QueryContext, ln: number): Expr {
    const { text, binds } = this.withBinds(q);
    return { k: 'soql', line: ln, text: stripComments(text), binds, orig: stripComments(this.textOf(q)) };
  }

  /** The text of a query or search with every bound expression replaced by a numbered bind `:__bN`. */
  private withBinds(q: Ctx): { text: string; binds: Expr[] } {
    const binds: Expr[] = [];
    const replacements: { start: number; stop: number; name: string }[] = [];
    const visit = (node: Ctx): void => {
      if (node instanceof P.BoundExpressionContext) {
        const name = `__b${binds.length}`;
        binds.push(this.expr(node.expression()));
        replacements.push({ start: node.start.start, stop: node.stop!.stop, name });
        return;
      }
      for (let i = 0; i < node.getChildCount(); i++) {
        const ch = node.getChild(i) as Ctx;
        if (ch && (ch as { start?: unknown }).start !== undefined) visit(ch);
      }
    };
    visit(q);
    const base = q.start.start;
    let text = this.textOf(q);
    for (const r of replacements.reverse()) {
      text = text.substring(0, r.start - base) + ':' + r.name + text.substring(r.stop + 1 - base);
    }
    return { text, binds };
  }

  private creator(c: P.CreatorContext, ln: number): Expr {
    const pairs = c.createdName().idCreatedNamePair_list();
    let args: TypeRef[] | undefined;
    const names: string[] = [];
    for (const pair of pairs) {
      names.push(pair.anyId().getText());
      if (pair.typeList())
        args = pair
          .typeList()
          .typeRef_list()
          .map((r) => this.typeRef(r));
    }
    const type: TypeRef = { n: names.join('.') };
    if (args) type.a = args;
    const cls = c.classCreatorRest();
    if (cls) {
      const list = cls.arguments().expressionList();
      return { k: 'new', line: ln, type, args: list ? list.expression_list().map((e) => this.expr(e)) : [] };
    }
    const arr = c.arrayCreatorRest();
    if (arr) {
      const listType: TypeRef = { n: 'List', a: [type] };
      const init = arr.arrayInitializer();
      if (init) return { k: 'new', line: ln, type: listType, list: init.expression_list().map((e) => this.expr(e)) };
      return { k: 'new', line: ln, type: listType, size: this.expr(arr.expression()) };
    }
    const map = c.mapCreatorRest();
    if (map) {
      return {
        k: 'new',
        line: ln,
        type,
        map: map
          .mapCreatorRestPair_list()
          .map((p) => [this.expr(p.expression(0)), this.expr(p.expression(1))] as [Expr, Expr])
      };
    }
    const set = c.setCreatorRest();
    if (set) return { k: 'new', line: ln, type, list: set.expression_list().map((e) => this.expr(e)) };
    // noRest: `new List<String>{}`
    return { k: 'new', line: ln, type, list: [] };
  }
}

function dmlOf(
  c: Ctx
): { op: string; ctx: { accessLevel(): P.AccessLevelContext; expression(): P.ExpressionContext } } | null {
  if (c instanceof P.InsertStatementContext) return { op: 'insert', ctx: c };
  if (c instanceof P.UpdateStatementContext) return { op: 'update', ctx: c };
  if (c instanceof P.DeleteStatementContext) return { op: 'delete', ctx: c };
  if (c instanceof P.UndeleteStatementContext) return { op: 'undelete', ctx: c };
  if (c instanceof P.UpsertStatementContext) return { op: 'upsert', ctx: c };
  if (c instanceof P.MergeStatementContext)
    return { op: 'merge', ctx: { accessLevel: () => c.accessLevel(), expression: () => c.expression(0) } };
  return null;
}

function literal(l: P.LiteralContext, ln: number): Expr {
  if (l.IntegerLiteral()) return { k: 'lit', line: ln, t: 'int', v: l.getText() };
  if (l.LongLiteral()) return { k: 'lit', line: ln, t: 'long', v: l.getText().replace(/[lL]$/, '') };
  if (l.NumberLiteral()) {
    const text = l.getText();
    // 1.5d / 1.5D is a Double literal
    if (/[dD]$/.test(text)) return { k: 'lit', line: ln, t: 'dec', v: text.slice(0, -1) + 'd' };
    return { k: 'lit', line: ln, t: 'dec', v: text };
  }
  if (l.StringLiteral()) return { k: 'lit', line: ln, t: 'str', v: unescapeApex(l.getText()) };
  if (l.MultilineStringLiteral()) return { k: 'lit', line: ln, t: 'str', v: unescapeApex(l.getText().slice(2, -2)) };
  if (l.BooleanLiteral()) return { k: 'lit', line: ln, t: 'bool', v: l.getText().toLowerCase() === 'true' };
  return { k: 'lit', line: ln, t: 'null', v: null };
}

/** Removes Apex comments inside a static query (they are hidden tokens to Apex, not SOQL). */
function stripComments(text: string): string {
  return text.replace(/('(?:[^'\\]|\\.)*')|\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, (_m, str: string | undefined) =>
    str !== undefined ? str : ' '
  );
}

function literalText(text: string): string | boolean {
  if (/^'.*'$/s.test(text)) return unescapeApex(text);
  if (/^(true|false)$/i.test(text)) return text.toLowerCase() === 'true';
  return text;
}

/** Apex string literal escapes: \n \t \r \b \f \' \" \\ \uXXXX. */
export function unescapeApex(quoted: string): string {
  const body = quoted.startsWith("'") ? quoted.slice(1, -1) : quoted;
  return body.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_m, c: string) => {
    if (c.length === 5) return String.fromCharCode(parseInt(c.slice(1), 16));
    switch (c) {
      case 'n':
        return '\n';
      case 't':
        return '\t';
      case 'r':
        return '\r';
      case 'b':
        return '\b';
      case 'f':
        return '\f';
      default:
        return c;
    }
  });
}
