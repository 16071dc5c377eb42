import { describe, expect, it } from 'vitest';
import { actionBodyProblem } from './request-guards';

const bytes = (text: string) => new TextEncoder().encode(text).buffer as ArrayBuffer;

describe('a server action body is refused before the framework decodes it', () => {
  it("accepts React's JSON-encoded arguments and well-formed forms", async () => {
    expect(await actionBodyProblem('text/plain;charset=UTF-8', bytes('[12,"$K1"]'))).toBeNull();
    const form = new FormData();
    form.set('summary', 'Täglich <script>');
    const request = new Request('http://localhost/', { method: 'POST', body: form });
    expect(
      await actionBodyProblem(
        request.headers.get('content-type'),
        await request.arrayBuffer(),
        false,
      ),
    ).toBeNull();
    expect(
      await actionBodyProblem('application/x-www-form-urlencoded', bytes('a=1&b=%C3%A9')),
    ).toBeNull();
  });

  it('names the body when the encoding is broken', async () => {
    const invalidUtf8 = new Uint8Array([0x5b, 0x22, 0xff, 0xfe, 0x22, 0x5d]).buffer;
    expect(await actionBodyProblem('text/plain', invalidUtf8)).toMatchObject({
      status: 400,
      message: expect.stringMatching(/^body: .*UTF-8/),
    });
    expect(await actionBodyProblem('text/plain', bytes('[1,'))).toMatchObject({
      status: 400,
      message: expect.stringMatching(/^body: /),
    });
    expect(await actionBodyProblem('text/plain', bytes('{"a":1}'))).toMatchObject({ status: 400 });
    expect(
      await actionBodyProblem('multipart/form-data; boundary=xyz', bytes('--xyz\r\nnonsense')),
    ).toMatchObject({ status: 400, message: expect.stringMatching(/^body: .*multipart/) });
    expect(await actionBodyProblem('multipart/form-data', bytes('anything'))).toMatchObject({
      status: 400,
    });
  });

  it('refuses argument references no action takes, and a script call without its arguments', async () => {
    expect(await actionBodyProblem('text/plain', bytes('["$@999","$Q1","$T"]'))).toMatchObject({
      status: 400,
      message: expect.stringMatching(/^body: the argument reference "\$(@999|Q1|T)"/),
    });
    expect(
      await actionBodyProblem(
        'text/plain',
        bytes('[null, {"errors":{},"values":"$undefined"}, "$$ literal dollar"]'),
      ),
    ).toBeNull();
    const multipart = (fields: Record<string, string>) => {
      const form = new FormData();
      for (const [name, value] of Object.entries(fields)) form.set(name, value);
      return new Request('http://localhost/', { method: 'POST', body: form });
    };
    const withoutArguments = multipart({ '9': 'v' });
    expect(
      await actionBodyProblem(
        withoutArguments.headers.get('content-type'),
        await withoutArguments.arrayBuffer(),
      ),
    ).toMatchObject({ status: 400, message: expect.stringMatching(/field "0"/) });
    // The same form posted without script (progressive enhancement) has no "0" and is Next's to decode.
    const plainForm = multipart({ $ACTION_ID_abc: '', summary: 'x' });
    expect(
      await actionBodyProblem(
        plainForm.headers.get('content-type'),
        await plainForm.arrayBuffer(),
        false,
      ),
    ).toBeNull();
    const good = multipart({ '0': '[12,"$K1"]', '1_summary': 'x' });
    expect(
      await actionBodyProblem(good.headers.get('content-type'), await good.arrayBuffer()),
    ).toBeNull();
  });

  it('refuses other media types with a 415', async () => {
    expect(await actionBodyProblem('application/json', bytes('[]'))).toMatchObject({
      status: 415,
      message: expect.stringMatching(/^body: /),
    });
    expect(await actionBodyProblem(null, bytes(''))).toMatchObject({ status: 415 });
  });
});
