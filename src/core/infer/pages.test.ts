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

// Issue 13, session 18 (reach-u): support IDs, waits and error pages by breadth. Each row is written from a
// documented format or a response pasted in a public issue or SDK test (corpus/tools/reach-u-sources.md names
// them); "counter" rows must not be taken. Rows that already passed before this session stay as guards.
const BREADTH_UUID = '3b0a7d1e-2c4f-4e8a-9b1d-6f2e8c4a1d05';
/** Error pages of CDNs, WAFs, bot protection, hosting and servers: the headline as the message, the printed ID. */
const PAGES_BY_BREADTH: Variant[] = [
  {
    name: 'heroku app error page',
    status: 503,
    headers: { server: 'cowboy' },
    body: '<!DOCTYPE html><html><head><meta name="viewport" content="width=device-width, initial-scale=1"><meta charset="utf-8"><title>Application Error</title><style media="screen">html,body,iframe{margin:0;padding:0}</style></head><body><iframe src="//www.herokucdn.com/error-pages/application-error.html"></iframe></body></html>',
    expect: { message: 'Application Error' },
  },
  {
    name: 'cloudflare 1015 wait none',
    status: 429,
    body: '<!DOCTYPE html><html><head><title>Access denied | example.com used Cloudflare to restrict access</title></head><body><div id="cf-error-details"><h1><span>Error</span><span>1015</span></h1><h2>You are being rate limited</h2><p>The owner of this website (example.com) has banned you temporarily from accessing this website.</p><p>Cloudflare Ray ID: <strong>7d1a2b3c4d5e6f70</strong></p></div></body></html>',
    expect: {
      errorId: '7d1a2b3c4d5e6f70',
      errorCode: '1015',
      message: 'You are being rate limited',
      retryAfterSeconds: null,
    },
  },
  {
    name: 'cloudflare challenge',
    status: 403,
    headers: { 'cf-ray': '8f1a2b3c4d5e6f70-AMS', 'cf-mitigated': 'challenge' },
    body: '<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title></head><body><div class="main-wrapper" role="main"><div class="main-content"><noscript><div class="h2"><span id="challenge-error-text">Enable JavaScript and cookies to continue</span></div></noscript></div></div><script>(function(){window._cf_chl_opt={cRay: \'8f1a2b3c4d5e6f70\'}})();</script></body></html>',
    expect: { errorId: '8f1a2b3c4d5e6f70-AMS' },
  },
  {
    name: 'azure front door new page',
    status: 503,
    headers: { 'x-azure-ref': '20300101T000000Z-17f8c9d5b6c7d8e9f0a1b2c3d4e5f6a7b8' },
    body: "<!DOCTYPE html><html><head><title>Our services aren't available right now</title></head><body><h2>Our services aren't available right now</h2><p>We're working to restore all services as soon as possible. Please check back soon.</p><div>20300101T000000Z-17f8c9d5b6c7d8e9f0a1b2c3d4e5f6a7b8</div></body></html>",
    expect: { errorId: '20300101T000000Z-17f8c9d5b6c7d8e9f0a1b2c3d4e5f6a7b8' },
  },
  {
    name: 'AWS API Gateway 403 Missing Auth',
    status: 403,
    headers: {
      'x-amzn-requestid': BREADTH_UUID,
      'x-amzn-errortype': 'MissingAuthenticationTokenException',
      'x-amz-apigw-id': 'Kx1yZGxyoAMFbcw=',
    },
    body: { message: 'Missing Authentication Token' },
    expect: { errorId: BREADTH_UUID, errorCode: 'MissingAuthenticationTokenException' },
  },
  {
    name: 'Akamai Edge 503 page',
    status: 503,
    body: '<HTML><HEAD><TITLE>Service Unavailable</TITLE></HEAD><BODY><H1>Service Unavailable - Zero size object</H1>The server is temporarily unable to service your request.  Please try again later.<P>Reference&#32;&#35;15&#46;9a8b7c6d&#46;1900000000&#46;4e5f6a7b</BODY></HTML>',
    expect: { errorId: '15.9a8b7c6d.1900000000.4e5f6a7b', message: 'Service Unavailable - Zero size object' },
  },
  {
    name: 'Akamai "Reference #" without entity',
    status: 403,
    body: '<HTML><HEAD><TITLE>Access Denied</TITLE></HEAD><BODY><H1>Access Denied</H1>You don\'t have permission to access "https://www.example.com/" on this server.<P>Reference #18.bd5c3a17.1700000000.9f8e7d6c<P>https&#58;&#47;&#47;errors&#46;edgesuite&#46;net&#47;18&#46;bd5c3a17&#46;1700000000&#46;9f8e7d6c</BODY></HTML>',
    expect: { errorId: '18.bd5c3a17.1700000000.9f8e7d6c' },
  },
  {
    name: 'Imperva new block page',
    status: 403,
    body: '<html><head><title>Access Denied</title></head><body><h1>Access denied</h1><p>Error 15</p><p>This request was blocked by our security service</p><p>Your IP: 203.0.113.7</p><p>Proxy IP: 198.51.100.1</p><p>Incident ID: 1234000210567890123-987654321098765432</p></body></html>',
    expect: { errorId: '1234000210567890123-987654321098765432' },
  },
  {
    name: 'Radware captcha incident ID',
    status: 403,
    body: '<html><head><title>Radware Bot Manager Captcha</title></head><body><h1>We apologize for the inconvenience...</h1><p>...but your activity and behavior on this site made us think that you are a bot.</p><p>Incident ID: 7c9a1f1d-0e6b-4c6a-9b0d-5a2b7e3c9d1f</p></body></html>',
    expect: { errorId: '7c9a1f1d-0e6b-4c6a-9b0d-5a2b7e3c9d1f' },
  },
  {
    name: 'HUMAN/PerimeterX block page: Reference ID: #…',
    status: 403,
    body: '<html><head><title>Access to this page has been denied.</title></head><body><h1>Access to this page has been denied.</h1><p>Press & Hold to confirm you are a human (and not a bot).</p><p>Reference ID: #8a2f1c3e-9b7d-11ee-a1b2-0242ac120002</p></body></html>',
    expect: { errorId: '8a2f1c3e-9b7d-11ee-a1b2-0242ac120002' },
  },
  {
    name: 'Wordfence block',
    status: 503,
    body: '<html><head><title>Your access to this site has been limited by the site owner</title></head><body><h1>Your access to this site has been limited by the site owner</h1><p>If you think you have been blocked in error, contact the owner of this site for assistance.</p><h2>Block Technical Data</h2><table><tr><th>Block Reason:</th><td>Access from your area has been temporarily limited for security reasons.</td></tr><tr><th>Time:</th><td>Tue, 1 Jan 2030 0:00:00 GMT</td></tr></table></body></html>',
    expect: { message: 'Your access to this site has been limited by the site owner', errorId: null },
  },
  {
    name: 'ModSecurity Not Acceptable',
    status: 406,
    body: '<html><head><title>Not Acceptable!</title></head><body><h1>Not Acceptable!</h1><p>An appropriate representation of the requested resource could not be found on this server. This error was generated by Mod_Security.</p></body></html>',
    expect: { message: 'An appropriate representation of the requested resource could not be found' },
  },
  {
    name: 'Jetty HTTP ERROR',
    status: 404,
    body: '<html>\n<head>\n<meta http-equiv="Content-Type" content="text/html;charset=ISO-8859-1"/>\n<title>Error 404 Not Found</title>\n</head>\n<body><h2>HTTP ERROR 404 Not Found</h2>\n<table>\n<tr><th>URI:</th><td>/v1/things/42</td></tr>\n<tr><th>STATUS:</th><td>404</td></tr>\n<tr><th>MESSAGE:</th><td>No such thing</td></tr>\n<tr><th>SERVLET:</th><td>default</td></tr>\n</table>\n</body>\n</html>',
    expect: { message: 'No such thing' },
  },
  {
    name: 'GitHub Pages 404',
    status: 404,
    body: '<!DOCTYPE html><html><head><title>Page not found &middot; GitHub Pages</title></head><body><div class="container"><h1>404</h1><p><strong>File not found</strong></p><p>The site configured at this address does not contain the requested file.</p></div></body></html>',
    expect: { message: 'File not found' },
  },
  {
    name: 'GitLab 500 request id',
    status: 500,
    body: '<!DOCTYPE html><html><head><title>Something went wrong (500)</title></head><body><h1>500</h1><div class="container"><h3>We\'re sorry. Something went wrong on our end.</h3><p>Request ID: <code>01HQ3Z5K8Y2M4N6P8R0T2V4X6Z</code></p><p>Try refreshing the page, or going back and attempting the action again.</p></div></body></html>',
    expect: { errorId: '01HQ3Z5K8Y2M4N6P8R0T2V4X6Z', message: "We're sorry. Something went wrong on our end" },
  },
  {
    name: 'Shopify request id page',
    status: 503,
    body: '<!DOCTYPE html><html><head><title>Service unavailable</title></head><body><h1>There was a problem loading this website</h1><p>Try refreshing the page.</p><p>If the site still doesn\'t load, please try again in a few minutes.</p><p class="request-id">Request ID: 1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d</p></body></html>',
    expect: { errorId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d', message: 'There was a problem loading this website' },
  },
  {
    name: 'Azure App Service stopped',
    status: 403,
    body: '<!DOCTYPE html><html><head><title>Web App - Unavailable</title></head><body><div><h1>Error 403 - This web app is stopped.</h1><p>The web app you have attempted to reach is currently stopped and does not accept any requests.</p></div></body></html>',
    expect: { message: 'This web app is stopped' },
  },
  {
    name: 'AppGW 502',
    status: 502,
    body: '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>Microsoft-Azure-Application-Gateway/v2</center></body></html>',
    expect: { message: 'Bad Gateway' },
  },
  {
    name: 'Barracuda WAF page',
    status: 403,
    body: '<html><head><title>Request Rejected</title></head><body><div style="border:1px solid"><b>The requested URL was rejected. Please consult with your administrator.</b><br><br>Your support ID is: 14960712234567890123</div></body></html>',
    expect: { errorId: '14960712234567890123' },
  },
  {
    name: 'Cloud Armor 403',
    status: 403,
    body: '<!doctype html><meta charset="utf-8"><meta name=viewport content="width=device-width, initial-scale=1"><title>403</title>403 Forbidden',
    expect: { message: 'Forbidden' },
  },
  {
    name: 'Google LB 502 with wait',
    status: 502,
    body: '<!DOCTYPE html>\n<html lang=en>\n  <meta charset=utf-8>\n  <title>Error 502 (Server Error)!!1</title>\n  <p><b>502.</b> <ins>That’s an error.</ins>\n  <p>The server encountered a temporary error and could not complete your request.<p>Please try again in 30 seconds.  <ins>That’s all we know.</ins>',
    expect: { retryAfterSeconds: 30, message: 'The server encountered a temporary error' },
  },
  {
    name: 'Reference ID: # inside a sentence (support ticket form)',
    status: 403,
    body: '<html><body><h1>Request blocked</h1><p>Please contact support and quote Reference ID: #a7f3c9e2-41bb-4d0e-9c1a-2b3c4d5e6f70</p></body></html>',
    expect: { errorId: 'a7f3c9e2-41bb-4d0e-9c1a-2b3c4d5e6f70', message: 'Request blocked' },
  },
  {
    name: 'counter: "Reference #" followed by a word is no ID',
    status: 404,
    body: '<html><body><h1>Not Found</h1><p>See the API Reference # section for valid paths.</p></body></html>',
    expect: { errorId: null },
  },
  {
    name: 'Jenkins/Jetty no valid crumb',
    status: 403,
    body: '<html>\n<head>\n<meta http-equiv="Content-Type" content="text/html;charset=utf-8"/>\n<title>Error 403 No valid crumb was included in the request</title>\n</head>\n<body><h2>HTTP ERROR 403 No valid crumb was included in the request</h2>\n<table>\n<tr><th>URI:</th><td>/job/x/build</td></tr>\n<tr><th>STATUS:</th><td>403</td></tr>\n<tr><th>MESSAGE:</th><td>No valid crumb was included in the request</td></tr>\n<tr><th>SERVLET:</th><td>Stapler</td></tr>\n</table>\n<hr><a href="https://eclipse.org/jetty">Powered by Jetty:// 10.0.13</a><hr/>\n\n</body>\n</html>',
    expect: { message: 'No valid crumb was included in the request' },
  },
  {
    name: 'IIS HTTP.sys 503',
    status: 503,
    body: '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01//EN""http://www.w3.org/TR/html4/strict.dtd">\r\n<HTML><HEAD><TITLE>Service Unavailable</TITLE>\r\n<META HTTP-EQUIV="Content-Type" Content="text/html; charset=us-ascii"></HEAD>\r\n<BODY><h2>Service Unavailable</h2>\r\n<hr><p>HTTP Error 503. The service is unavailable.</p>\r\n</BODY></HTML>\r\n',
    expect: { message: 'The service is unavailable' },
  },
  {
    name: 'IIS 500 generic',
    status: 500,
    body: 'The page cannot be displayed because an internal server error has occurred.',
    type: 'text/html',
    expect: { message: 'The page cannot be displayed because an internal server error has occurred' },
  },
  {
    name: 'Vercel text timeout',
    status: 504,
    headers: {
      'x-vercel-error': 'FUNCTION_INVOCATION_TIMEOUT',
      'x-vercel-id': 'fra1::iad1::abcde-1700000000000-0123456789ab',
    },
    body: 'An error occurred with your deployment\n\nFUNCTION_INVOCATION_TIMEOUT\n\nfra1::iad1::abcde-1700000000000-0123456789ab\n',
    type: 'text/plain',
    expect: { errorCode: 'FUNCTION_INVOCATION_TIMEOUT', errorId: 'fra1::iad1::abcde-1700000000000-0123456789ab' },
  },
  {
    name: 'Railway 502 page request id',
    status: 502,
    body: '<!DOCTYPE html><html><head><title>Application Error</title></head><body><h1>Application failed to respond</h1><p>This error appears to be caused by the application.</p><p>Request ID: <span>Vxk2nT8eRvq0Yzp1AbC3dQ</span></p></body></html>',
    expect: { message: 'Application failed to respond', errorId: 'Vxk2nT8eRvq0Yzp1AbC3dQ' },
  },
  {
    name: 'Cloudflare 1101 worker threw',
    status: 500,
    body: '<!DOCTYPE html><html><head><title>Worker threw exception | example.com | Cloudflare</title></head><body><div id="cf-error-details"><h1><span>Error</span><span>1101</span></h1><h2>Worker threw exception</h2><p>You\'ve requested a page on a website (example.com) that is on the Cloudflare network. An unknown error occurred while rendering the page.</p><p>Cloudflare Ray ID: <strong>8b1c2d3e4f506172</strong></p></div></body></html>',
    expect: { errorCode: '1101', message: 'Worker threw exception', errorId: '8b1c2d3e4f506172' },
  },
  {
    name: 'Cloudflare text error code',
    status: 403,
    headers: { 'cf-ray': '8c1d2e3f40516273-FRA' },
    body: 'error code: 1020',
    type: 'text/plain',
    expect: { errorCode: '1020', errorId: '8c1d2e3f40516273-FRA' },
  },
  {
    name: 'Tyk JSON error',
    status: 403,
    body: { error: 'Access to this API has been disallowed' },
    expect: { message: 'Access to this API has been disallowed' },
  },
  {
    name: 'Apigee fault spike arrest',
    status: 429,
    body: {
      fault: {
        faultstring:
          'Spike arrest violation. Allowed rate : MessageRate{messagesPerPeriod=10, periodInMicroseconds=1000000, maxBurstMessageCount=1.0}',
        detail: { errorcode: 'policies.ratelimit.SpikeArrestViolation' },
      },
    },
    expect: { errorCode: 'policies.ratelimit.SpikeArrestViolation', retryAfterSeconds: null },
  },
  {
    name: 'Apigee quota violation',
    status: 429,
    body: {
      fault: {
        faultstring: 'Rate limit quota violation. Quota limit  exceeded. Identifier : _default',
        detail: { errorcode: 'policies.ratelimit.QuotaViolation' },
      },
    },
    expect: { errorCode: 'policies.ratelimit.QuotaViolation' },
  },
  {
    name: 'AWS ALB 503 temporarily',
    status: 503,
    body: '<html>\r\n<head><title>503 Service Temporarily Unavailable</title></head>\r\n<body>\r\n<center><h1>503 Service Temporarily Unavailable</h1></center>\r\n</body>\r\n</html>\r\n',
    expect: { message: 'Service Temporarily Unavailable' },
  },
  {
    name: 'nginx 504 with request id comment',
    status: 504,
    headers: { 'x-request-id': 'd1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6' },
    body: '<html>\r\n<head><title>504 Gateway Time-out</title></head>\r\n<body>\r\n<center><h1>504 Gateway Time-out</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n',
    expect: { message: 'Gateway Time-out', errorId: 'd1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6' },
  },
  {
    name: 'Cloud Run 429 text',
    status: 429,
    body: 'Rate exceeded.',
    type: 'text/plain',
    expect: { message: 'Rate exceeded' },
  },
  {
    name: 'GFE 429 page',
    status: 429,
    body: '<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"/><title>Sorry...</title></head><body><div><h1>Sorry...</h1><p>We\'re sorry but your computer or network may be sending automated queries. To protect our users, we can\'t process your request right now.</p></div></body></html>',
    expect: { message: 'your computer or network may be sending automated queries' },
  },
  {
    name: 'Azure Functions host',
    status: 503,
    body: 'Function host is not running.',
    type: 'text/plain',
    expect: { message: 'Function host is not running' },
  },
  {
    name: 'API Gateway throttled',
    status: 429,
    headers: {
      'x-amzn-requestid': 'f1e2d3c4-b5a6-4978-8a9b-0c1d2e3f4a5b',
      'x-amzn-errortype': 'TooManyRequestsException',
    },
    body: { message: 'Too Many Requests' },
    expect: { errorId: 'f1e2d3c4-b5a6-4978-8a9b-0c1d2e3f4a5b', errorCode: 'TooManyRequestsException' },
  },
  {
    name: 'Lambda URL 502',
    status: 502,
    headers: { 'x-amzn-requestid': 'a1a2a3a4-b5b6-4c7c-8d8d-9e9e9e9e9e9e', 'x-amzn-errortype': 'Sandbox.Timedout' },
    body: { Message: 'Task timed out after 3.00 seconds' },
    expect: { message: 'Task timed out after 3.00 seconds', retryAfterSeconds: null },
  },
  {
    name: 'Envoy 503 overflow',
    status: 503,
    headers: { 'x-envoy-overloaded': 'true' },
    body: 'upstream connect error or disconnect/reset before headers. reset reason: overflow',
    type: 'text/plain',
    expect: { message: 'upstream connect error or disconnect/reset before headers' },
  },
  {
    name: 'Istio 404 none',
    status: 404,
    headers: { server: 'istio-envoy' },
    body: '',
    type: 'text/plain',
    expect: { message: null },
  },
  {
    name: 'Traefik 502',
    status: 502,
    body: 'Bad Gateway',
    type: 'text/plain; charset=utf-8',
    expect: { message: 'Bad Gateway' },
  },
  {
    name: 'Caddy 502 empty',
    status: 502,
    headers: { server: 'Caddy' },
    body: '',
    type: 'text/plain',
    expect: { failure: true },
  },
  {
    name: 'Netlify function crash JSON',
    status: 502,
    headers: { 'x-nf-request-id': '01HX3Y4Z5A6B7C8D9E0F1G2H3J' },
    body: {
      errorType: 'Runtime.UnhandledPromiseRejection',
      errorMessage: 'TypeError: Cannot read properties of undefined',
      trace: ['Runtime.UnhandledPromiseRejection: TypeError'],
    },
    expect: { errorId: '01HX3Y4Z5A6B7C8D9E0F1G2H3J', message: 'Cannot read properties of undefined' },
  },
  {
    name: 'Supabase PostgREST + sb-request-id',
    status: 401,
    headers: { 'sb-request-id': '019a2b3c-4d5e-7f60-8a9b-0c1d2e3f4a5b' },
    body: { code: 'PGRST301', details: null, hint: null, message: 'JWT expired' },
    expect: { errorId: '019a2b3c-4d5e-7f60-8a9b-0c1d2e3f4a5b', errorCode: 'PGRST301' },
  },
  {
    name: 'Firebase Hosting 404 page',
    status: 404,
    body: '<!DOCTYPE html><html><head><title>Page Not Found</title></head><body><div id="message"><h2>404</h2><h1>Page Not Found</h1><p>The specified file was not found on this website. Please check the URL for mistakes and try again.</p></div></body></html>',
    expect: { message: 'The specified file was not found on this website' },
  },
  {
    name: 'Render 503 page',
    status: 503,
    headers: { 'rndr-id': 'b1c2d3e4-f5a6-4b7c' },
    body: '<!DOCTYPE html><html><head><title>Service Suspended</title></head><body><h1>This service has been suspended.</h1></body></html>',
    expect: { errorId: 'b1c2d3e4-f5a6-4b7c', message: 'This service has been suspended' },
  },
];
describe('error pages by breadth', () => {
  it.each(rows(PAGES_BY_BREADTH))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});
