/**
 * json-rules-engine 7.3.1's default operators and operator decorators ("someFact:equal",
 * "not:in", …), restated so that compiled rules compare exactly as the engine does: each check
 * is the engine's validator, then its callback, with the same JavaScript expression, so it also
 * throws where the engine throws (`in` over a number, for instance).
 */

/** A comparison of a fact's value (left) with a condition's value (right). */
export type Comparison = (factValue: unknown, jsonValue: unknown) => boolean;

type Validator = (factValue: unknown) => boolean;
type Decorator = (factValue: unknown, jsonValue: unknown, next: Comparison) => boolean;

const always: Validator = () => true;
const isArray: Validator = Array.isArray;

function numberValidator(factValue: unknown): boolean {
  // A number reads back as itself: only NaN fails (the engine's test, without the string round).
  if (typeof factValue === 'number') return factValue === factValue;
  return Number.parseFloat(factValue as string).toString() !== 'NaN';
}

type Callback = (a: unknown, b: unknown) => boolean;

const OPERATORS: Record<string, [Callback, Validator]> = {
  equal: [(a, b) => a === b, always],
  notEqual: [(a, b) => a !== b, always],
  in: [(a, b) => (b as unknown[]).indexOf(a) > -1, always],
  notIn: [(a, b) => (b as unknown[]).indexOf(a) === -1, always],
  contains: [(a, b) => (a as unknown[]).indexOf(b) > -1, isArray],
  doesNotContain: [(a, b) => (a as unknown[]).indexOf(b) === -1, isArray],
  lessThan: [(a, b) => (a as number) < (b as number), numberValidator],
  lessThanInclusive: [(a, b) => (a as number) <= (b as number), numberValidator],
  greaterThan: [(a, b) => (a as number) > (b as number), numberValidator],
  greaterThanInclusive: [(a, b) => (a as number) >= (b as number), numberValidator],
};

const some = (list: unknown, test: (item: unknown) => boolean) => (list as unknown[]).some(test);
const every = (list: unknown, test: (item: unknown) => boolean) => (list as unknown[]).every(test);

const DECORATORS: Record<string, [Decorator, Validator]> = {
  someFact: [(factValue, jsonValue, next) => some(factValue, (fv) => next(fv, jsonValue)), isArray],
  someValue: [(factValue, jsonValue, next) => some(jsonValue, (jv) => next(factValue, jv)), always],
  everyFact: [
    (factValue, jsonValue, next) => every(factValue, (fv) => next(fv, jsonValue)),
    isArray,
  ],
  everyValue: [
    (factValue, jsonValue, next) => every(jsonValue, (jv) => next(factValue, jv)),
    always,
  ],
  swap: [(factValue, jsonValue, next) => next(jsonValue, factValue), always],
  not: [(factValue, jsonValue, next) => !next(factValue, jsonValue), always],
};

/** The engine's Operator.evaluate: the validator, then the callback (alone when it always holds). */
const check = (callback: Callback, validator: Validator): Comparison =>
  validator === always
    ? callback
    : (factValue, jsonValue) => validator(factValue) && callback(factValue, jsonValue);

/**
 * The comparison an operator name stands for, decorators applied right to left as the engine's
 * OperatorMap does ("everyFact:not:equal"), or undefined for a name the engine does not know.
 */
export function engineOperator(name: string): Comparison | undefined {
  const decorators: [Decorator, Validator][] = [];
  let rest = name;
  while (!Object.hasOwn(OPERATORS, rest)) {
    const colon = rest.indexOf(':');
    if (colon <= 0) return undefined;
    const decoratorName = rest.slice(0, colon);
    if (!Object.hasOwn(DECORATORS, decoratorName)) return undefined;
    decorators.unshift(DECORATORS[decoratorName] as [Decorator, Validator]);
    rest = rest.slice(colon + 1);
  }
  const [callback, validator] = OPERATORS[rest] as [Callback, Validator];
  let comparison = check(callback, validator);
  for (const [decorate, decoratorValidator] of decorators) {
    const next = comparison;
    comparison = check(
      (factValue, jsonValue) => decorate(factValue, jsonValue, next),
      decoratorValidator,
    );
  }
  return comparison;
}
