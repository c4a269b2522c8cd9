using System.Net;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kiosk.Fleet.Workers;

/// <summary>
/// <c>GET /k/{id}?door=D</c>, what a door's static QR code opens: one page, one button. It signs the
/// phone in (code login) when needed, then calls <c>POST /api/open</c> and shows the kiosk's answer.
/// </summary>
internal static class MobilePage
{
    public static Results<ContentHttpResult, NotFound> Render(string id, string? door)
    {
        if (!KioskIds.IsValid(id) || door is { Length: > 64 })
        {
            return TypedResults.NotFound();
        }

        var kiosk = WebUtility.HtmlEncode(id);
        var doorJson = door is null ? "null" : System.Text.Json.JsonSerializer.Serialize(door, Api.FleetApiJsonContext.Default.String);
        var doorLabel = door is null ? "" : " · " + WebUtility.HtmlEncode(door);
        var html = $$"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
            <title>Open {{kiosk}}</title>
            <style>body{font-family:sans-serif;margin:2em;text-align:center}button{font-size:1.6em;padding:.8em 2em;margin:1em}input{font-size:1.2em;margin:.3em}#msg{min-height:2em}</style>
            </head><body>
            <h1>Rest station {{kiosk}}{{doorLabel}}</h1>
            <div id="login" hidden>
              <input id="phone" type="tel" placeholder="phone number" autocomplete="tel"><button id="send">Send code</button><br>
              <input id="code" inputmode="numeric" placeholder="code"><button id="verify">Sign in</button>
            </div>
            <button id="open">Open the door</button>
            <p id="msg"></p>
            <script>
            const kiosk = {{System.Text.Json.JsonSerializer.Serialize(id, Api.FleetApiJsonContext.Default.String)}}, door = {{doorJson}};
            const msg = t => document.getElementById('msg').textContent = t;
            const token = () => localStorage.getItem('fleet.worker');
            async function post(path, body, auth) {
              const headers = {'Content-Type': 'application/json'};
              if (auth) headers.Authorization = 'Bearer ' + token();
              return fetch(path, {method: 'POST', headers, body: JSON.stringify(body)});
            }
            document.getElementById('send').onclick = async () => {
              const r = await post('/api/workers/login', {phone: document.getElementById('phone').value});
              msg(r.ok ? 'Code sent' : 'Could not send a code (' + r.status + ')');
            };
            document.getElementById('verify').onclick = async () => {
              const r = await post('/api/workers/login', {phone: document.getElementById('phone').value, code: document.getElementById('code').value});
              if (r.ok) { localStorage.setItem('fleet.worker', (await r.json()).accessToken); document.getElementById('login').hidden = true; msg('Signed in'); }
              else msg('Wrong code');
            };
            document.getElementById('open').onclick = async () => {
              if (!token()) { document.getElementById('login').hidden = false; msg('Sign in first'); return; }
              msg('Opening...');
              const r = await post('/api/open', door ? {kiosk, door} : {kiosk}, true);
              if (r.status === 401) { localStorage.removeItem('fleet.worker'); document.getElementById('login').hidden = false; msg('Sign in again'); return; }
              const body = await r.json().catch(() => ({}));
              msg(body.ok ? 'The door is open' : 'Not opened: ' + (body.error || body.title || r.status));
            };
            </script>
            </body></html>
            """;
        return TypedResults.Content(html, "text/html; charset=utf-8");
    }
}
