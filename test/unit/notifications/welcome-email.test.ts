import { escapeHtml } from '../../../shared/notifications/templates/escape-html';
import { welcomeEmail } from '../../../shared/notifications/templates/welcome';

const welcome = (name: string) =>
  welcomeEmail({ appName: 'Moneta', name, homeCurrency: 'JPY', timezone: 'Asia/Tokyo' });

test('escapeHtml neutralises every character that can open markup or end an attribute', () => {
  expect(escapeHtml(`<img src="x" onerror='alert(1)'> & more`)).toBe(
    '&lt;img src=&quot;x&quot; onerror=&#39;alert(1)&#39;&gt; &amp; more',
  );
});

test('greets the user by name and states their home currency and time zone, in both bodies', () => {
  const email = welcome('Ada');

  expect(email.subject).toBe('Welcome to Moneta');
  for (const body of [email.html, email.text]) {
    expect(body).toContain('Hi Ada,');
    expect(body).toContain('Your home currency is JPY');
    expect(body).toContain('Asia/Tokyo');
    expect(body).toContain('POST /v1/budgets');
    expect(body).toContain('PATCH /v1/me');
  }
});

test('falls back to a plain greeting when the name is empty', () => {
  for (const name of ['', '   ']) {
    const email = welcome(name);
    expect(email.text.startsWith('Hello,\n')).toBe(true);
    expect(email.html).toContain('<p>Hello,</p>');
    expect(email.text).not.toContain('Hi ');
  }
});

test('a name with markup cannot inject HTML', () => {
  const email = welcome('<script>alert(1)</script><b onclick="x">');

  expect(email.html).not.toMatch(/<script|<b |onclick="/);
  expect(email.html).toContain('Hi &lt;script&gt;alert(1)&lt;/script&gt;&lt;b onclick=&quot;x&quot;&gt;,');
  expect(email.text).toContain('Hi <script>alert(1)</script><b onclick="x">,');
});

test('the plain-text body carries no markup', () => {
  expect(welcome('Ada').text).not.toMatch(/<\/?[a-z][^>]*>/i);
});
