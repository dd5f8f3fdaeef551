/** The guard call at the start of every `catch` of learner code (loader/catch-guard.ts). */
import { instrument } from '../../harness/loader/instrument';

test('a catch gets its guard; a destructured one is left as written', () => {
  const edited = instrument('try { f(); } catch (e) { g(e); }\ntry { f(); } catch { g(); }\ntry { f(); } catch ({ message }) { g(message); }\n').code;
  expect(edited).toContain('catch (e) {__il_caught(e, 0); g(e); }');
  expect(edited).toContain('catch (__il_error) {__il_caught(__il_error, 1); g(); }');
  expect(edited).toContain('catch ({ message }) { g(message); }');
});
