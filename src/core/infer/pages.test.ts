// Class 5 of issue 13: HTML and text pages from frameworks, proxies and gateways. The message is what
// the page says (its heading and paragraph), not the status reason. Each row is written from the page
// the framework or proxy ships (its source or its docs).
import { describe, expect, it } from 'vitest';
import { rows, variantMismatches, type Variant } from '../testing/variants';

const TEXT = 'text/plain; charset=utf-8';

const FRAMEWORKS: Variant[] = [
  {
    name: 'Express finalhandler: Cannot GET',
    status: 404,
    body: '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Error</title>\n</head>\n<body>\n<pre>Cannot GET /api/v1/things/42</pre>\n</body>\n</html>\n',
    expect: { message: 'Cannot GET /api/v1/things/42', errorCode: null },
  },
  {
    name: 'Express: stack trace in <pre>',
    status: 500,
    body: '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Error</title>\n</head>\n<body>\n<pre>TypeError: Cannot read properties of undefined (reading &#39;id&#39;)<br> &nbsp; &nbsp;at /app/routes/things.js:12:30</pre>\n</body>\n</html>\n',
    expect: { message: "TypeError: Cannot read properties of undefined (reading 'id')" },
  },
  {
    name: 'Werkzeug / Flask 404 (no <head>)',
    status: 404,
    body: '<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n<p>The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.</p>\n',
    expect: { message: 'The requested URL was not found on the server' },
  },
  {
    name: 'Werkzeug / Flask 405',
    status: 405,
    body: '<!doctype html>\n<html lang=en>\n<title>405 Method Not Allowed</title>\n<h1>Method Not Allowed</h1>\n<p>The method is not allowed for the requested URL.</p>\n',
    expect: { message: 'The method is not allowed for the requested URL.' },
  },
  {
    name: 'Django 404 (DEBUG off)',
    status: 404,
    body: '<!doctype html>\n<html lang="en">\n<head>\n  <title>Not Found</title>\n</head>\n<body>\n  <h1>Not Found</h1><p>The requested resource was not found on this server.</p>\n</body>\n</html>\n',
    expect: { message: 'The requested resource was not found on this server.' },
  },
  {
    name: 'Django CSRF failure',
    status: 403,
    body: '<!DOCTYPE html>\n<html lang="en">\n<head>\n  <meta http-equiv="content-type" content="text/html; charset=utf-8">\n  <meta name="robots" content="NONE,NOARCHIVE">\n  <title>403 Forbidden</title>\n  <style type="text/css">html * { padding:0; margin:0; }</style>\n</head>\n<body>\n<div id="summary">\n  <h1>Forbidden <span>(403)</span></h1>\n  <p>CSRF verification failed. Request aborted.</p>\n</div>\n</body>\n</html>\n',
    expect: { message: 'CSRF verification failed. Request aborted.' },
  },
  {
    name: 'Django 400 text',
    status: 400,
    body: '<h1>Bad Request (400)</h1>',
    expect: { message: 'Bad Request (400)' },
  },
  {
    name: 'Rails public/404.html',
    status: 404,
    body: '<!DOCTYPE html>\n<html>\n<head>\n  <title>The page you were looking for doesn\'t exist (404)</title>\n  <meta name="viewport" content="width=device-width,initial-scale=1">\n  <style>body { background-color: #EFEFEF; }</style>\n</head>\n<body>\n  <div class="dialog">\n    <div>\n      <h1>The page you were looking for doesn\'t exist.</h1>\n      <p>You may have mistyped the address or the page may have moved.</p>\n    </div>\n    <p>If you are the application owner check the logs for more information.</p>\n  </div>\n</body>\n</html>\n',
    expect: { message: "The page you were looking for doesn't exist." },
  },
  {
    name: 'Rails public/422.html',
    status: 422,
    body: '<!DOCTYPE html>\n<html>\n<head>\n  <title>The change you wanted was rejected (422)</title>\n</head>\n<body>\n  <div class="dialog">\n    <div>\n      <h1>The change you wanted was rejected.</h1>\n      <p>Maybe you tried to change something you didn\'t have access to.</p>\n    </div>\n  </div>\n</body>\n</html>\n',
    expect: { message: 'The change you wanted was rejected.' },
  },
  {
    name: 'Tomcat status report',
    status: 404,
    body: '<!doctype html><html lang="en"><head><title>HTTP Status 404 – Not Found</title><style type="text/css">body {font-family:Tahoma,Arial,sans-serif;}</style></head><body><h1>HTTP Status 404 – Not Found</h1><hr class="line" /><p><b>Type</b> Status Report</p><p><b>Message</b> The requested resource [/api/x] is not available</p><p><b>Description</b> The origin server did not find a current representation for the target resource or is not willing to disclose that one exists.</p><hr class="line" /><h3>Apache Tomcat/9.0.80</h3></body></html>',
    expect: { message: 'The requested resource [/api/x] is not available' },
  },
  {
    name: 'Spring Whitelabel error page',
    status: 500,
    body: "<html><body><h1>Whitelabel Error Page</h1><p>This application has no explicit mapping for /error, so you are seeing this as a fallback.</p><div id='created'>Mon Jan 01 10:00:00 UTC 2024</div><div>There was an unexpected error (type=Internal Server Error, status=500).</div><div>Connection refused: db:5432</div></body></html>",
    expect: { message: 'There was an unexpected error (type=Internal Server Error, status=500)' },
  },
  {
    name: 'ASP.NET yellow screen',
    status: 500,
    body: '<!DOCTYPE html>\n<html>\n    <head>\n        <title>Runtime Error</title>\n    </head>\n    <body bgcolor="white">\n            <span><H1>Server Error in \'/\' Application.<hr width=100% size=1 color=silver></H1>\n            <h2> <i>Runtime Error</i> </h2></span>\n            <b> Description: </b>An application error occurred on the server.\n    </body>\n</html>\n',
    expect: { message: "Server Error in '/' Application." },
  },
  {
    name: 'IIS 404.0',
    status: 404,
    body: '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n<html xmlns="http://www.w3.org/1999/xhtml">\n<head>\n<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"/>\n<title>404 - File or directory not found.</title>\n</head>\n<body>\n<div id="header"><h1>Server Error</h1></div>\n<div id="content">\n <div class="content-container"><fieldset>\n  <h2>404 - File or directory not found.</h2>\n  <h3>The resource you are looking for might have been removed, had its name changed, or is temporarily unavailable.</h3>\n </fieldset></div>\n</div>\n</body>\n</html>\n',
    expect: { message: '404 - File or directory not found.' },
  },
  {
    name: 'Next.js 404',
    status: 404,
    body: '<!DOCTYPE html><html><head><meta charSet="utf-8"/><title>404: This page could not be found</title><script src="/_next/static/chunks/main.js" defer=""></script></head><body><div id="__next"><div style="font-family:system-ui"><div><h1 class="next-error-h1">404</h1><div style="display:inline-block"><h2>This page could not be found.</h2></div></div></div></div><script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{"statusCode":404}},"page":"/_error"}</script></body></html>',
    expect: { message: 'This page could not be found' },
  },
  {
    name: 'Google front end: That’s an error',
    status: 404,
    body: '<!DOCTYPE html>\n<html lang=en>\n  <meta charset=utf-8>\n  <title>Error 404 (Not Found)!!1</title>\n  <style>*{margin:0;padding:0}</style>\n  <a href=//www.google.com/><span id=logo aria-label=Google></span></a>\n  <p><b>404.</b> <ins>That’s an error.</ins>\n  <p>The requested URL <code>/v1/things/42</code> was not found on this server.  <ins>That’s all we know.</ins>\n',
    expect: { message: 'The requested URL /v1/things/42 was not found on this server.' },
  },
  {
    name: 'Heroku application error (iframe only)',
    status: 503,
    body: '<!DOCTYPE html>\n\t<html>\n\t  <head>\n\t\t<meta name="viewport" content="width=device-width, initial-scale=1">\n\t\t<meta charset="utf-8">\n\t\t<title>Application Error</title>\n\t\t<style media="screen">html,body,iframe{margin:0;padding:0;}</style>\n\t  </head>\n\t  <body>\n\t\t<iframe src="//www.herokucdn.com/error-pages/application-error.html"></iframe>\n\t  </body>\n\t</html>',
    expect: { message: 'Application Error' },
  },
  {
    name: 'Laravel 419 (page expired)',
    status: 419,
    body: '<!DOCTYPE html>\n<html lang="en">\n<head>\n<title>Page Expired</title>\n</head>\n<body class="antialiased">\n<div class="flex items-center"><div class="px-4 text-lg text-gray-500 border-r border-gray-400 tracking-wider">419</div><div class="ml-4 text-lg text-gray-500 uppercase tracking-wider">Page Expired</div></div>\n</body>\n</html>\n',
    expect: { message: 'Page Expired' },
  },
];

const PROXIES: Variant[] = [
  {
    name: 'nginx 502',
    status: 502,
    body: '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n',
    expect: { message: '502 Bad Gateway', errorCode: null, retryable: true },
  },
  {
    name: 'nginx 413 keeps its heading',
    status: 413,
    body: '<html>\r\n<head><title>413 Request Entity Too Large</title></head>\r\n<body>\r\n<center><h1>413 Request Entity Too Large</h1></center>\r\n<hr><center>nginx/1.18.0 (Ubuntu)</center>\r\n</body>\r\n</html>\r\n',
    expect: { message: '413 Request Entity Too Large', retryable: false },
  },
  {
    name: 'Apache 403 paragraph',
    status: 403,
    body: '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>403 Forbidden</title>\n</head><body>\n<h1>Forbidden</h1>\n<p>You don\'t have permission to access this resource.</p>\n<hr>\n<address>Apache/2.4.41 (Ubuntu) Server at example.com Port 443</address>\n</body></html>\n',
    expect: { message: "You don't have permission to access this resource." },
  },
  {
    name: 'Apache 503 proxy',
    status: 503,
    body: '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>503 Service Unavailable</title>\n</head><body>\n<h1>Service Unavailable</h1>\n<p>The server is temporarily unable to service your\nrequest due to maintenance downtime or capacity\nproblems. Please try again later.</p>\n</body></html>\n',
    expect: {
      message:
        'The server is temporarily unable to service your request due to maintenance downtime or capacity problems.',
    },
  },
  {
    name: 'AWS ELB 504 (awselb/2.0)',
    status: 504,
    body: '<html>\r\n<head><title>504 Gateway Time-out</title></head>\r\n<body>\r\n<center><h1>504 Gateway Time-out</h1></center>\r\n</body>\r\n</html>\r\n',
    expect: { message: '504 Gateway Time-out', retryable: true },
  },
  {
    name: 'Envoy: upstream connect error (text)',
    status: 503,
    body: 'upstream connect error or disconnect/reset before headers. reset reason: connection failure, transport failure reason: delayed connect error: 111',
    type: TEXT,
    expect: { message: 'upstream connect error or disconnect/reset before headers', errorCode: null, retryable: true },
  },
  {
    name: 'Envoy: no healthy upstream',
    status: 503,
    body: 'no healthy upstream',
    type: TEXT,
    expect: { message: 'no healthy upstream', retryable: true },
  },
  {
    name: 'Go net/http / Traefik: 404 page not found',
    status: 404,
    body: '404 page not found\n',
    type: TEXT,
    expect: { message: '404 page not found' },
  },
  {
    name: 'Caddy / Go: plain reason with trailing newline',
    status: 502,
    body: 'Bad Gateway\n',
    type: TEXT,
    expect: { message: 'Bad Gateway' },
  },
  {
    name: 'HAProxy 503',
    status: 503,
    body: '<html><body><h1>503 Service Unavailable</h1>\nNo server is available to handle this request.\n</body></html>\n',
    expect: { message: 'No server is available to handle this request.' },
  },
  {
    name: 'HAProxy 504',
    status: 504,
    body: "<html><body><h1>504 Gateway Time-out</h1>\nThe server didn't respond in time.\n</body></html>\n",
    expect: { message: "The server didn't respond in time." },
  },
  {
    name: 'Squid error page',
    status: 503,
    body: '<html><head><title>ERROR: The requested URL could not be retrieved</title></head><body><div id="titles"><h1>ERROR</h1><h2>The requested URL could not be retrieved</h2></div><hr><div id="content"><p>The following error was encountered while trying to retrieve the URL: <a href="http://example.com/">http://example.com/</a></p><blockquote id="error"><p><b>Connection to 93.184.216.34 failed.</b></p></blockquote></div></body></html>',
    expect: { message: 'The requested URL could not be retrieved' },
  },
  {
    name: 'Cloudflare 502 (Bad gateway, host error)',
    status: 502,
    body: '<!DOCTYPE html><html lang="en-US"><head><title>example.com | 502: Bad gateway</title></head><body><div id="cf-wrapper"><div id="cf-error-details"><header><h1><span class="inline-block">Bad gateway</span> <span class="code-label">Error code 502</span></h1><div>Visit <a href="https://www.cloudflare.com/5xx-error-landing">cloudflare.com</a> for more information.</div></header><div class="cf-section"><h2>What happened?</h2><p>The web server reported a bad gateway error.</p></div><div class="cf-section"><h2>What can I do?</h2><p>Please try again in a few minutes.</p></div><span>Cloudflare Ray ID: <strong>8a1b2c3d4e5f6a7b</strong></span></div></div></body></html>',
    expect: { message: 'Bad gateway', errorId: '8a1b2c3d4e5f6a7b', errorCode: null },
  },
  {
    name: 'Cloudflare 1015 rate limited',
    status: 429,
    body: '<!DOCTYPE html><html><head><title>Access denied | example.com used Cloudflare to restrict access</title></head><body><div id="cf-error-details"><h1><span>Error</span><span>1015</span></h1><h2>You are being rate limited</h2><p>The owner of this website (example.com) has banned you temporarily from accessing this website.</p><p>Cloudflare Ray ID: <strong>7c5b3a2d1e0f9a8b</strong></p></div></body></html>',
    expect: { errorCode: '1015', message: 'You are being rate limited', retryable: true },
  },
  {
    name: 'Kubernetes ingress-nginx default backend',
    status: 404,
    body: 'default backend - 404',
    type: TEXT,
    expect: { message: 'default backend - 404' },
  },
  {
    name: 'uWSGI / gunicorn plain text',
    status: 500,
    body: 'Internal Server Error',
    type: TEXT,
    expect: { message: 'Internal Server Error' },
  },
  {
    name: 'PHP-FPM behind nginx',
    status: 404,
    body: 'File not found.\n',
    type: TEXT,
    expect: { message: 'File not found.' },
  },
  {
    name: 'Vercel plain-text error with code and ID',
    status: 500,
    body: 'A server error has occurred\n\nFUNCTION_INVOCATION_FAILED\n\nfra1::8x2kq-1700000000000-1a2b3c4d5e6f\n',
    type: TEXT,
    expect: {
      message: 'A server error has occurred',
      errorCode: 'FUNCTION_INVOCATION_FAILED',
      errorId: 'fra1::8x2kq-1700000000000-1a2b3c4d5e6f',
    },
  },
  {
    name: 'Netlify page not found',
    status: 404,
    body: '<!DOCTYPE html><html lang="en"><head><title>Page not found</title></head><body><div class="card"><h1>Page not found</h1><p>Looks like you\'ve followed a broken link or entered a URL that doesn\'t exist on this site.</p></div></body></html>',
    expect: { message: "Looks like you've followed a broken link" },
  },
  {
    name: 'a 200 HTML page stays a success',
    status: 200,
    body: '<!DOCTYPE html><html><head><title>Home</title></head><body><h1>Welcome</h1><p>All is well.</p></body></html>',
    expect: { failure: false },
  },
];

/** Pages of clouds and gateways, as users pasted them into issues (second pass). */
const CLOUDS: Variant[] = [
  {
    name: 'Apache 503 whose ErrorDocument failed too',
    status: 503,
    body: '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>503 Service Unavailable</title>\n</head><body>\n<h1>Service Unavailable</h1>\n<p>The server is temporarily unable to service your\nrequest due to maintenance downtime or capacity\nproblems. Please try again later.</p>\n<p>Additionally, a 503 Service Unavailable\nerror was encountered while trying to use an ErrorDocument to handle the request.</p>\n</body></html>\n',
    expect: {
      message:
        'The server is temporarily unable to service your request due to maintenance downtime or capacity problems',
      retryable: true,
    },
  },
  {
    name: 'Google front end 404 (That’s an error)',
    status: 404,
    body: '<!DOCTYPE html>\n<html lang=en>\n<meta charset=utf-8>\n<title>Error 404 (Not Found)!!1</title>\n<p><b>404.</b> <ins>That’s an error.</ins>\n<p>The requested URL was not found on this server. <ins>That’s all we know.</ins>\n',
    expect: { message: 'The requested URL was not found on this server.', errorCode: null },
  },
  {
    name: 'Cloud Run / GFE 503: Service Unavailable',
    status: 503,
    body: '<html><head>\n<meta http-equiv="content-type" content="text/html;charset=utf-8">\n<title>503 Service Unavailable</title>\n</head>\n<body text=#000000 bgcolor=#ffffff>\n<h1>Error: Service Unavailable</h1>\n<h2>The service you requested is not available yet. Please try again in 30 seconds.</h2>\n<h2></h2>\n</body></html>\n',
    expect: { message: 'The service you requested is not available yet', retryAfterSeconds: 30, retryable: true },
  },
  {
    name: 'Cloud Functions text: could not handle the request',
    status: 500,
    body: 'Error: could not handle the request\n',
    type: TEXT,
    expect: { message: 'Error: could not handle the request' },
  },
  {
    name: 'API Gateway JSON message on 504',
    status: 504,
    body: { message: 'Endpoint request timed out' },
    expect: { message: 'Endpoint request timed out', retryable: true, retryAfterSeconds: null },
  },
  {
    name: 'Kong: no Route matched',
    status: 404,
    body: { message: 'no Route matched with those values' },
    expect: { message: 'no Route matched with those values', errorCode: null },
  },
  {
    name: 'Heroku router page keeps its title',
    status: 503,
    body: '<!DOCTYPE html><html><head><title>Application Error</title></head><body><iframe src="//www.herokucdn.com/error-pages/application-error.html"></iframe></body></html>',
    expect: { message: 'Application Error', retryable: true },
  },
  {
    name: 'OpenResty 403 with its banner',
    status: 403,
    body: '<html>\r\n<head><title>403 Forbidden</title></head>\r\n<body>\r\n<center><h1>403 Forbidden</h1></center>\r\n<hr><center>openresty</center>\r\n</body>\r\n</html>\r\n',
    expect: { message: '403 Forbidden', errorCode: null, errorId: null },
  },
];

/** Fresh formats of session 15 (corpus/cases/reach-d.json): app servers, mesh proxies and static hosts. */
const FRESH_PAGES: Variant[] = [
  {
    name: 'uWSGI "Python application not found"',
    status: 500,
    body: '<h1>uWSGI Error</h1>Python application not found',
    expect: { message: 'Python application not found', errorId: null },
  },
  {
    name: 'WebSphere SRVE0190E as text',
    status: 404,
    body: 'Error 404: SRVE0190E: File not found: /monitoring/',
    expect: { message: 'File not found: /monitoring/', errorId: null },
  },
  {
    name: 'Puma low-level error (text/plain)',
    status: 500,
    type: 'text/plain',
    body: 'An unhandled lowlevel error occurred. The application logs may have details.\n',
    expect: { message: 'An unhandled lowlevel error occurred.' },
  },
  {
    name: 'Puma caught this error, with a backtrace',
    status: 500,
    type: 'text/plain',
    body: "Puma caught this error: Missing user: invalid_nickname (ActionController::RoutingError)\n/app/controllers/profiles_controller.rb:61:in `profile_holder'\n",
    expect: { message: 'Missing user: invalid_nickname' },
  },
  {
    name: 'Vert.x Web default 404',
    status: 404,
    body: '<html><body><h1>Resource not found</h1></body></html>',
    expect: { message: 'Resource not found' },
  },
  {
    name: 'Firebase Hosting default 404: the paragraph, not only the heading',
    status: 404,
    body: '<!DOCTYPE html><html><head><title>Page Not Found</title></head><body><div id="message"><h2>404</h2><h1>Page Not Found</h1><p>This file does not exist and there was no <code>index.html</code> found in the current directory or <code>404.html</code> in the root directory.</p><h3>Why am I seeing this?</h3><p>You may have deployed the wrong directory for your application.</p></div></body></html>',
    expect: { message: 'This file does not exist' },
  },
  {
    name: 'ASP.NET yellow screen: the h2 under "Server Error in \'/\' Application."',
    status: 500,
    body: '<html><head><title>The resource cannot be found.</title></head><body bgcolor="white"><span><H1>Server Error in \'/\' Application.<hr width=100% size=1 color=silver></H1><h2> <i>The anti-forgery cookie token and form field token do not match.</i> </h2></span><b> Description: </b>An unhandled exception occurred during the execution of the current web request.</body></html>',
    expect: { message: 'The anti-forgery cookie token and form field token do not match.' },
  },
  {
    name: 'Istio RBAC denial (text/plain)',
    status: 403,
    type: 'text/plain',
    body: 'RBAC: access denied',
    expect: { message: 'RBAC: access denied', errorCode: null, retryable: false },
  },
  {
    name: 'Linkerd 1 proxy error text',
    status: 502,
    type: 'text/plain',
    body: 'Unable to establish connection to 127.0.0.1:4149.\n\nservice name: /svc/localhost:4140\nclient name: /$/inet/127.1/4149\n',
    expect: { message: 'Unable to establish connection to 127.0.0.1:4149' },
  },
  {
    name: 'Barracuda WAF bordered div',
    status: 404,
    body: '<div style="border: 3px solid #4991C5; text-align:center">  The specified URL cannot be found. </div><!--0123456789012345678901234567890123456789-->',
    expect: { message: 'The specified URL cannot be found.', errorId: null },
  },

  {
    name: 'Undertow (WildFly) default page',
    status: 404,
    body: '<html><head><title>Error</title></head><body>Not Found</body></html>',
    expect: { message: 'Not Found', errorId: null },
  },
  {
    name: "gunicorn's own 400 page: the sentence under the heading",
    status: 400,
    body: '<html>\n  <head>\n    <title>Bad Request</title>\n  </head>\n  <body>\n    <h1><p>Bad Request</p></h1>\n    Invalid HTTP Version &#x27;Invalid HTTP Version: &#x27;RTSP/1.0&#x27;&#x27;\n  </body>\n</html>\n',
    expect: { message: 'Invalid HTTP Version' },
  },
  {
    name: 'Symfony production error page',
    status: 404,
    body: '<!DOCTYPE html><html><head><title>An Error Occurred: Not Found</title></head><body><div class="container"><h1>Oops! An Error Occurred</h1><h2>The server returned a "404 Not Found".</h2><p>Something is broken. Please let us know what you were doing when this error occurred.</p></div></body></html>',
    expect: { message: 'The server returned a "404 Not Found"' },
  },
  {
    name: 'GCS XML: <Details> completes a short <Message>',
    status: 403,
    type: 'application/xml; charset=UTF-8',
    body: "<?xml version='1.0' encoding='UTF-8'?><Error><Code>AccessDenied</Code><Message>Access denied.</Message><Details>Anonymous caller does not have storage.objects.get access to the Google Cloud Storage object. Permission 'storage.objects.get' denied on resource (or it may not exist).</Details></Error>",
    expect: {
      errorCode: 'AccessDenied',
      message: 'Access denied. Anonymous caller does not have storage.objects.get access',
    },
  },
  {
    name: 'S3 XML without <Details> keeps its message',
    status: 404,
    type: 'application/xml',
    body: '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist</Message><BucketName>my-bucket</BucketName><RequestId>4442587FB7D0A2F9</RequestId></Error>',
    expect: { errorCode: 'NoSuchBucket', message: 'The specified bucket does not exist', errorId: '4442587FB7D0A2F9' },
  },
];

describe('HTML and text error pages (issue 13, class 5)', () => {
  it.each(rows(FRAMEWORKS))('framework: %s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
  it.each(rows(PROXIES))('proxy or gateway: %s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
  it.each(rows(CLOUDS))('cloud or gateway page: %s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
  it.each(rows(FRESH_PAGES))('fresh format: %s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
});
