// A config object with one probe rule that reports, once per file, the id of the thread that linted it. The
// concurrency test reads it to prove that ESLint really spread the files over worker threads (so that
// "identical results" compares two different executions), and leaves it out of the comparison.
import { threadId } from 'node:worker_threads';

const thread = {
  meta: {
    type: 'suggestion',
    schema: [],
    messages: { thread: 'linted in thread {{id}}' },
  },
  create(context) {
    return {
      Program(node) {
        context.report({ node, messageId: 'thread', data: { id: String(threadId) } });
      },
    };
  },
};

export const probe = {
  name: 'concurrency/probe',
  files: ['src/**/*.{ts,tsx}'],
  plugins: { probe: { rules: { thread } } },
  rules: { 'probe/thread': 'warn' },
};
