// Issue 13, session 17 (reach-q): the DEFAULT error bodies of web frameworks, API gateways, CDNs/WAFs,
// BaaS and self-hosted servers, as a developer meets them pasted into issues. Each table is one
// framework's (or one family's) default serializer, read in its source or docs
// (corpus/tools/reach-q-sources.md lists each source), with counter-examples that must stay as they are.
import { describe, expect, it } from 'vitest';
import { rows, variantMismatches, type Variant } from '../testing/variants';
import { inferJson } from './json';

const ok = (v: Variant) => expect(variantMismatches(v)).toEqual([]);
const TS = '2024-03-01T10:15:30.123+00:00';

describe('Spring Boot (MVC and WebFlux) DefaultErrorAttributes and Spring 6 ProblemDetail', () => {
  const variants: Variant[] = [
    {
      name: 'MVC 404: timestamp/status/error/path, no code, no ID',
      status: 404,
      body: { timestamp: TS, status: 404, error: 'Not Found', path: '/api/users/7' },
      expect: { failure: true, errorCode: null, errorId: null, retryable: false },
    },
    {
      name: 'MVC 400 with binding errors: the field error beside the wrapper',
      status: 400,
      body: {
        timestamp: TS,
        status: 400,
        error: 'Bad Request',
        message: "Validation failed for object='userDto'. Error count: 1",
        errors: [
          {
            codes: ['NotBlank.userDto.name', 'NotBlank.name', 'NotBlank.java.lang.String', 'NotBlank'],
            arguments: [{ codes: ['userDto.name', 'name'], arguments: null, defaultMessage: 'name', code: 'name' }],
            defaultMessage: 'must not be blank',
            objectName: 'userDto',
            field: 'name',
            rejectedValue: '',
            bindingFailure: false,
            code: 'NotBlank',
          },
        ],
        path: '/users',
      },
      expect: { failure: true, errorId: null, message: 'must not be blank', retryable: false },
    },
    {
      name: 'WebFlux 404: requestId is the log prefix support looks up',
      status: 404,
      body: { timestamp: TS, path: '/api/x', status: 404, error: 'Not Found', requestId: 'e5e07ed5-1' },
      expect: { failure: true, errorCode: null, errorId: 'e5e07ed5-1' },
    },
    {
      name: 'Spring Cloud Gateway 504: a timeout figure in the message is no wait',
      status: 504,
      body: {
        timestamp: TS,
        path: '/orders',
        status: 504,
        error: 'Gateway Timeout',
        message: 'Response took longer than timeout: PT5S',
        requestId: '2c3f4e5a-12',
      },
      expect: { failure: true, errorCode: null, errorId: '2c3f4e5a-12', retryable: true, retryAfterSeconds: null },
    },
    {
      name: 'Spring 6 ProblemDetail about:blank',
      status: 404,
      type: 'application/problem+json',
      body: {
        type: 'about:blank',
        title: 'Not Found',
        status: 404,
        detail: 'No static resource api/x.',
        instance: '/api/x',
      },
      expect: { failure: true, errorCode: null, errorId: null, message: 'No static resource api/x.' },
    },
    {
      name: 'Boot 1.x with the exception class and message',
      status: 401,
      body: {
        timestamp: 1495000000000,
        status: 401,
        error: 'Unauthorized',
        exception: 'org.springframework.security.authentication.InsufficientAuthenticationException',
        message: 'Full authentication is required to access this resource',
        path: '/api',
      },
      expect: { failure: true, errorId: null, message: 'Full authentication is required', retryable: false },
    },
    {
      name: 'resource server 401: the RFC 6750 code and description in WWW-Authenticate',
      status: 401,
      headers: {
        'www-authenticate':
          'Bearer error="invalid_token", error_description="An error occurred while attempting to decode the Jwt: Jwt expired at 2024-01-01T00:00:00Z", error_uri="https://tools.ietf.org/html/rfc6750#section-3.1"',
      },
      body: '',
      type: 'text/plain',
      expect: { failure: true, errorCode: 'invalid_token', message: 'Jwt expired', retryable: false },
    },
    {
      name: 'counter: a 200 record with status/error/path keys is data',
      status: 200,
      body: { id: 7, status: 'active', error: null, path: '/files/7', timestamp: TS },
      expect: { failure: false, errorCode: null },
    },
  ];
  it.each(rows(variants))('%s', (_, v) => ok(v));
});

describe('ASP.NET Core ProblemDetails / ModelState, Web API 2, ServiceStack, ABP', () => {
  const traceId = '00-0aa7d1a1e4ae2f4e8c1c8b3b61d4f7b6-5c1e4b0c2d3e4f5a-00';
  const variants: Variant[] = [
    {
      name: 'ValidationProblemDetails with traceId',
      status: 400,
      type: 'application/problem+json',
      body: {
        type: 'https://tools.ietf.org/html/rfc9110#section-15.5.1',
        title: 'One or more validation errors occurred.',
        status: 400,
        errors: { Name: ['The Name field is required.'] },
        traceId,
      },
      expect: { failure: true, errorCode: null, errorId: traceId, message: 'The Name field is required.' },
    },
    {
      name: 'ASP.NET Core 3.x traceId (Activity hierarchical ID)',
      status: 400,
      type: 'application/problem+json',
      body: {
        type: 'https://tools.ietf.org/html/rfc7231#section-6.5.1',
        title: 'One or more validation errors occurred.',
        status: 400,
        traceId: '|a1b2c3d4-4c5d6e7f8a9b0c1d.',
        errors: { '$.age': ['The JSON value could not be converted to System.Int32. Path: $.age | LineNumber: 0.'] },
      },
      expect: {
        failure: true,
        errorCode: null,
        errorId: '|a1b2c3d4-4c5d6e7f8a9b0c1d.',
        message: 'could not be converted',
      },
    },
    {
      name: 'TraceIdentifier (connection:request) as traceId on a 404',
      status: 404,
      type: 'application/problem+json',
      body: {
        type: 'https://tools.ietf.org/html/rfc7231#section-6.5.4',
        title: 'Not Found',
        status: 404,
        traceId: '0HMDV5S6M3T5J:00000001',
      },
      expect: { failure: true, errorCode: null, errorId: '0HMDV5S6M3T5J:00000001' },
    },
    {
      name: 'AddProblemDetails 500',
      status: 500,
      type: 'application/problem+json',
      body: {
        type: 'https://tools.ietf.org/html/rfc9110#section-15.6.1',
        title: 'An error occurred while processing your request.',
        status: 500,
        traceId,
      },
      expect: { failure: true, errorCode: null, errorId: traceId, retryable: true },
    },
    {
      name: 'Web API 2 ModelState',
      status: 400,
      body: { Message: 'The request is invalid.', ModelState: { 'user.Email': ['The Email field is required.'] } },
      expect: { failure: true, errorCode: null, message: 'The Email field is required.' },
    },
    {
      name: 'Web API 2 exception detail',
      status: 500,
      body: {
        Message: 'An error has occurred.',
        ExceptionMessage: 'Object reference not set to an instance of an object.',
        ExceptionType: 'System.NullReferenceException',
        StackTrace: '   at Api.Controllers.UsersController.Get(Int32 id)',
      },
      expect: { failure: true, errorId: null, message: 'Object reference not set' },
    },
    {
      name: 'ServiceStack ResponseStatus',
      status: 404,
      body: {
        ResponseStatus: { ErrorCode: 'NotFound', Message: 'User 7 does not exist', StackTrace: null, Errors: [] },
      },
      expect: { failure: true, errorCode: 'NotFound', errorId: null, message: 'User 7 does not exist' },
    },
    {
      name: 'ServiceStack validation ResponseStatus with field errors',
      status: 400,
      body: {
        ResponseStatus: {
          ErrorCode: 'NotEmpty',
          Message: "'Name' must not be empty.",
          Errors: [
            {
              ErrorCode: 'NotEmpty',
              FieldName: 'Name',
              Message: "'Name' must not be empty.",
              Meta: { PropertyName: 'Name' },
            },
          ],
        },
      },
      expect: { failure: true, errorCode: 'NotEmpty', message: "'Name' must not be empty." },
    },
    {
      name: 'ABP validation: null code, the validation error beside the wrapper',
      status: 400,
      headers: { _abperrorformat: 'true' },
      body: {
        error: {
          code: null,
          message: 'Your request is not valid!',
          details: 'The following errors were detected during validation.\r\n - The Name field is required.\r\n',
          data: {},
          validationErrors: [{ message: 'The Name field is required.', members: ['name'] }],
        },
      },
      expect: { failure: true, errorCode: null, errorId: null, message: 'The Name field is required.' },
    },
    {
      name: 'ABP business exception code with a namespace',
      status: 403,
      body: {
        error: {
          code: 'Acme:010001',
          message: 'You cannot delete a published book.',
          details: null,
          data: {},
          validationErrors: null,
        },
      },
      expect: { failure: true, errorCode: 'Acme:010001', message: 'You cannot delete a published book.' },
    },
    {
      name: 'ASP.NET Boilerplate envelope: code 0 is no code',
      status: 500,
      body: {
        success: false,
        result: null,
        error: {
          code: 0,
          message: 'An internal error occurred during your request!',
          details: null,
          validationErrors: null,
        },
        unAuthorizedRequest: false,
        __abp: true,
      },
      expect: { failure: true, errorCode: null, errorId: null, retryable: true },
    },
  ];
  it.each(rows(variants))('%s', (_, v) => ok(v));
});

describe('Django, Django REST framework, FastAPI/Starlette, Flask family, other Python servers', () => {
  const variants: Variant[] = [
    {
      name: 'DRF non_field_errors',
      status: 400,
      body: { non_field_errors: ['Unable to log in with provided credentials.'] },
      expect: { failure: true, errorCode: null, errorId: null, message: 'Unable to log in with provided credentials.' },
    },
    {
      name: 'DRF nested list serializer errors',
      status: 400,
      body: { lines: [{}, { quantity: ['A valid integer is required.'] }] },
      expect: { failure: true, errorCode: null, message: 'A valid integer is required.' },
    },
    {
      name: 'drf-standardized-errors',
      status: 400,
      body: {
        type: 'validation_error',
        errors: [{ code: 'required', detail: 'This field is required.', attr: 'name' }],
      },
      expect: { failure: true, errorId: null, message: 'This field is required.' },
    },
    {
      name: 'pydantic v1 detail list',
      status: 422,
      body: { detail: [{ loc: ['body', 'name'], msg: 'field required', type: 'value_error.missing' }] },
      expect: { failure: true, errorCode: 'value_error.missing', message: 'field required' },
    },
    {
      name: 'HTTPException with a dict detail',
      status: 402,
      body: { detail: { code: 'quota_exceeded', message: 'Monthly quota exceeded' } },
      expect: { failure: true, errorCode: 'quota_exceeded', message: 'Monthly quota exceeded', retryable: false },
    },
    {
      name: 'Starlette plain text 500',
      status: 500,
      type: 'text/plain; charset=utf-8',
      body: 'Internal Server Error',
      expect: { failure: true, errorCode: null, errorId: null, retryable: true },
    },
    {
      name: 'Werkzeug HTML 404',
      status: 404,
      body: '<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n<p>The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.</p>\n',
      expect: {
        failure: true,
        errorCode: null,
        errorId: null,
        message: 'The requested URL was not found on the server',
      },
    },
    {
      name: 'Flask-RESTX validation: a field → message dict beside a wrapper',
      status: 400,
      body: { errors: { name: "'name' is a required property" }, message: 'Input payload validation failed' },
      expect: { failure: true, errorCode: null, message: "'name' is a required property" },
    },
    {
      name: 'flask-smorest / webargs: messages by location, then field',
      status: 422,
      body: {
        code: 422,
        errors: { json: { name: ['Missing data for required field.'] } },
        status: 'Unprocessable Entity',
      },
      expect: { failure: true, errorCode: null, errorId: null, message: 'Missing data for required field.' },
    },
    {
      name: 'Django HTML 404 (production)',
      status: 404,
      body: '<!doctype html>\n<html lang="en">\n<head>\n  <title>Not Found</title>\n</head>\n<body>\n  <h1>Not Found</h1><p>The requested resource was not found on this server.</p>\n</body>\n</html>\n',
      expect: { failure: true, errorCode: null, message: 'The requested resource was not found on this server.' },
    },
    {
      name: 'Django CSRF failure page',
      status: 403,
      body: '<!DOCTYPE html>\n<html lang="en">\n<head>\n  <meta http-equiv="content-type" content="text/html; charset=utf-8">\n  <meta name="robots" content="NONE,NOARCHIVE">\n  <title>403 Forbidden</title>\n</head>\n<body>\n<div id="summary">\n  <h1>Forbidden <span>(403)</span></h1>\n  <p>CSRF verification failed. Request aborted.</p>\n</div>\n</body>\n</html>\n',
      expect: { failure: true, errorCode: null, errorId: null, message: 'CSRF verification failed. Request aborted.' },
    },
    {
      name: 'Sanic JSON error',
      status: 404,
      body: { description: 'Not Found', status: 404, message: 'Requested URL /api/x not found' },
      expect: { failure: true, errorCode: null, errorId: null, message: 'Requested URL /api/x not found' },
    },
    {
      name: 'Falcon title/description',
      status: 401,
      body: { title: 'Missing header value', description: 'The Authorization header is required.' },
      expect: { failure: true, errorCode: null, message: 'The Authorization header is required.' },
    },
    {
      name: 'Litestar: the extra item beside the wrapper detail',
      status: 400,
      body: {
        status_code: 400,
        detail: 'Validation failed for POST /users',
        extra: [{ message: 'Expected `str`, got `int`', key: 'name', source: 'body' }],
      },
      expect: { failure: true, errorCode: null, message: 'Expected `str`, got `int`' },
    },
    {
      name: 'Eve: _issues beside the _error wrapper',
      status: 422,
      body: {
        _status: 'ERR',
        _issues: { email: "value 'x' is not a valid email" },
        _error: { code: 422, message: 'Insertion failure: 1 document(s) contain(s) error(s)' },
      },
      expect: { failure: true, errorCode: null, errorId: null, message: 'is not a valid email' },
    },
    {
      name: 'Eve 404',
      status: 404,
      body: { _status: 'ERR', _error: { code: 404, message: 'The requested URL was not found on the server.' } },
      expect: { failure: true, errorCode: null, message: 'The requested URL was not found on the server.' },
    },
    {
      name: 'counter: Eve OK item',
      status: 201,
      body: { _updated: 'Fri, 01 Mar 2024 10:15:30 GMT', _id: '65e1a2b3c4d5e6f7a8b9c0d1', _status: 'OK' },
      expect: { failure: false, errorCode: null, errorId: null },
    },
    {
      name: 'Connexion problem about:blank',
      status: 400,
      type: 'application/problem+json',
      body: { detail: "'name' is a required property", status: 400, title: 'Bad Request', type: 'about:blank' },
      expect: { failure: true, errorCode: null, message: "'name' is a required property" },
    },
    {
      name: 'aiohttp text',
      status: 404,
      type: 'text/plain; charset=utf-8',
      body: '404: Not Found',
      expect: { failure: true, errorCode: null, errorId: null },
    },
    {
      name: 'Tornado HTML',
      status: 405,
      body: '<html><title>405: Method Not Allowed</title><body>405: Method Not Allowed</body></html>',
      expect: { failure: true, errorCode: null, errorId: null, message: 'Method Not Allowed' },
    },
  ];
  it.each(rows(variants))('%s', (_, v) => ok(v));
});

describe('Rails, Laravel, Symfony / API Platform, other PHP and Ruby defaults', () => {
  const variants: Variant[] = [
    {
      name: 'Rails API production 404',
      status: 404,
      body: { status: 404, error: 'Not Found' },
      expect: { failure: true, errorCode: null, errorId: null },
    },
    {
      name: 'Rails API development: the exception inspection is the message',
      status: 404,
      body: {
        status: 404,
        error: 'Not Found',
        exception: "#<ActiveRecord::RecordNotFound: Couldn't find User with 'id'=7>",
        traces: {
          'Application Trace': [],
          'Framework Trace': [
            { exception_object_id: 2360, id: 0, trace: "activerecord (7.1.3) lib/active_record/core.rb:253:in `find'" },
          ],
        },
      },
      expect: { failure: true, errorId: null, message: "Couldn't find User with 'id'=7" },
    },
    {
      name: 'Rails public/500.html',
      status: 500,
      body: '<!DOCTYPE html>\n<html>\n<head>\n  <title>We\'re sorry, but something went wrong (500)</title>\n</head>\n<body class="rails-default-error-page">\n  <div class="dialog">\n    <div>\n      <h1>We\'re sorry, but something went wrong.</h1>\n    </div>\n    <p>If you are the application owner check the logs for more information.</p>\n  </div>\n</body>\n</html>\n',
      expect: { failure: true, errorCode: null, errorId: null, message: "We're sorry, but something went wrong" },
    },
    {
      name: 'Laravel debug 500: the trace frames are no code and no ID',
      status: 500,
      body: {
        message: "SQLSTATE[42S02]: Base table or view not found: 1146 Table 'app.users' doesn't exist",
        exception: 'Illuminate\\Database\\QueryException',
        file: '/var/www/vendor/laravel/framework/src/Illuminate/Database/Connection.php',
        line: 760,
        trace: [
          {
            file: '/var/www/vendor/laravel/framework/src/Illuminate/Database/Connection.php',
            line: 720,
            function: 'runQueryCallback',
            class: 'Illuminate\\Database\\Connection',
            type: '->',
          },
        ],
      },
      expect: { failure: true, errorId: null, message: 'Base table or view not found' },
    },
    {
      name: 'Laravel 404 route',
      status: 404,
      body: { message: 'The route api/x could not be found.' },
      expect: { failure: true, errorCode: null, errorId: null, message: 'The route api/x could not be found.' },
    },
    {
      name: 'Laravel maintenance 503 with Retry-After',
      status: 503,
      headers: { 'retry-after': '60' },
      body: { message: 'Service Unavailable' },
      expect: { failure: true, errorCode: null, retryable: true, retryAfterSeconds: 60 },
    },
    {
      name: 'Symfony problem normalizer',
      status: 404,
      type: 'application/problem+json',
      body: {
        type: 'https://tools.ietf.org/html/rfc2616#section-10',
        title: 'An error occurred',
        status: 404,
        detail: 'Not Found',
      },
      expect: { failure: true, errorCode: null, errorId: null },
    },
    {
      name: 'Symfony MapRequestPayload violations: a constraint URN is no support ID',
      status: 422,
      type: 'application/problem+json',
      body: {
        type: 'https://symfony.com/errors/validation',
        title: 'Validation Failed',
        status: 422,
        detail: 'name: This value should not be blank.',
        violations: [
          {
            propertyPath: 'name',
            title: 'This value should not be blank.',
            template: 'This value should not be blank.',
            parameters: { '{{ value }}': '""' },
            type: 'urn:uuid:c1051bb4-d103-4f74-8988-acbcafc7fdc3',
          },
        ],
      },
      expect: { failure: true, errorId: null, message: 'This value should not be blank.' },
    },
    {
      name: 'API Platform hydra ConstraintViolationList: the violation code is a constraint, no support ID',
      status: 422,
      type: 'application/ld+json',
      body: {
        '@context': '/api/contexts/ConstraintViolationList',
        '@type': 'ConstraintViolationList',
        'hydra:title': 'An error occurred',
        'hydra:description': 'name: This value should not be blank.',
        violations: [
          {
            propertyPath: 'name',
            message: 'This value should not be blank.',
            code: 'c1051bb4-d103-4f74-8988-acbcafc7fdc3',
          },
        ],
      },
      expect: { failure: true, errorId: null, message: 'This value should not be blank.' },
    },
    {
      name: 'API Platform 3 hydra:Error: @id is the error resource, no ID',
      status: 404,
      type: 'application/ld+json',
      body: {
        '@context': '/api/contexts/Error',
        '@id': '/api/errors/404',
        '@type': 'hydra:Error',
        title: 'An error occurred',
        detail: 'Not Found',
        status: 404,
        type: '/errors/404',
        'hydra:title': 'An error occurred',
        'hydra:description': 'Not Found',
      },
      expect: { failure: true, errorCode: null, errorId: null },
    },
    {
      name: 'CodeIgniter 4 failValidationErrors',
      status: 400,
      body: { status: 400, error: 400, messages: { name: 'The name field is required.' } },
      expect: { failure: true, errorCode: null, errorId: null, message: 'The name field is required.' },
    },
    {
      name: 'CakePHP JSON error',
      status: 404,
      body: { message: 'Record not found in table "users"', url: '/users/7.json', code: 404 },
      expect: { failure: true, errorCode: null, errorId: null, message: 'Record not found in table' },
    },
    {
      name: 'Laminas API Problem with validation_messages',
      status: 422,
      type: 'application/problem+json',
      body: {
        type: 'http://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html',
        title: 'Unprocessable Entity',
        status: 422,
        detail: 'Failed Validation',
        validation_messages: { name: { isEmpty: "Value is required and can't be empty" } },
      },
      expect: { failure: true, errorId: null, message: "Value is required and can't be empty" },
    },
    {
      name: 'Laminas: a form field named `message` under validation_messages is a field',
      status: 422,
      type: 'application/problem+json',
      body: {
        type: 'http://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html',
        title: 'Unprocessable Entity',
        status: 422,
        detail: 'Failed Validation',
        validation_messages: { message: { isEmpty: "Value is required and can't be empty" } },
      },
      expect: { failure: true, errorId: null, message: "Value is required and can't be empty" },
    },
    {
      name: 'Slim 4 JSON error renderer with details',
      status: 500,
      body: {
        message: 'Slim Application Error',
        exception: [
          {
            type: 'RuntimeException',
            code: 0,
            message: 'Unable to connect to the database',
            file: '/app/src/Db.php',
            line: 12,
          },
        ],
      },
      expect: { failure: true, errorId: null, message: 'Unable to connect to the database' },
    },
    {
      name: 'Drupal JSON:API error: code 0 is no code, the info link no ID',
      status: 403,
      type: 'application/vnd.api+json',
      body: {
        jsonapi: { version: '1.0', meta: { links: { self: { href: 'http://jsonapi.org/format/1.0/' } } } },
        errors: [
          {
            title: 'Forbidden',
            status: '403',
            detail: 'The current user is not allowed to GET the selected resource.',
            links: { info: { href: 'http://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html#sec10.4.4' } },
            code: 0,
          },
        ],
      },
      expect: { failure: true, errorCode: null, errorId: null, message: 'The current user is not allowed' },
    },
    {
      name: 'Grape error',
      status: 400,
      body: { error: 'name is missing' },
      expect: { failure: true, errorCode: null, message: 'name is missing' },
    },
    {
      name: 'Devise 401',
      status: 401,
      body: { error: 'You need to sign in or sign up before continuing.' },
      expect: { failure: true, errorCode: null, message: 'You need to sign in or sign up before continuing.' },
    },
    {
      name: 'Doorkeeper invalid_token',
      status: 401,
      body: { error: 'invalid_token', error_description: 'The access token is invalid', state: 'unauthorized' },
      expect: { failure: true, errorCode: 'invalid_token', message: 'The access token is invalid', retryable: false },
    },
    {
      name: 'rack-attack throttled text with Retry-After',
      status: 429,
      type: 'text/plain',
      headers: { 'retry-after': '47' },
      body: 'Retry later\n',
      expect: { failure: true, errorCode: null, retryable: true, retryAfterSeconds: 47 },
    },
  ];
  it.each(rows(variants))('%s', (_, v) => ok(v));
});

describe('Node frameworks: Express, NestJS, Fastify, Boom, Koa, LoopBack, Restify, Sails, Moleculer, Feathers, Adonis, Meteor', () => {
  const variants: Variant[] = [
    {
      name: 'Express finalhandler 404 page',
      status: 404,
      body: '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Error</title>\n</head>\n<body>\n<pre>Cannot GET /api/x</pre>\n</body>\n</html>\n',
      expect: { failure: true, errorCode: null, errorId: null, message: 'Cannot GET /api/x' },
    },
    {
      name: 'Express development 400 from body-parser: the first stack line is the message',
      status: 400,
      body: '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Error</title>\n</head>\n<body>\n<pre>SyntaxError: Unexpected token } in JSON at position 10<br> &nbsp; &nbsp;at JSON.parse (&lt;anonymous&gt;)<br> &nbsp; &nbsp;at parse (/app/node_modules/body-parser/lib/types/json.js:89:19)</pre>\n</body>\n</html>\n',
      expect: { failure: true, errorId: null, message: 'Unexpected token } in JSON at position 10' },
    },
    {
      name: 'express-validator v7 errors',
      status: 400,
      body: { errors: [{ type: 'field', value: 'abc', msg: 'Invalid value', path: 'email', location: 'body' }] },
      expect: { failure: true, errorId: null, message: 'Invalid value' },
    },
    {
      name: 'express-rate-limit text with draft headers',
      status: 429,
      type: 'text/html; charset=utf-8',
      headers: { 'retry-after': '900', 'ratelimit-limit': '100', 'ratelimit-remaining': '0', 'ratelimit-reset': '900' },
      body: 'Too many requests, please try again later.',
      expect: { failure: true, errorCode: null, retryable: true, retryAfterSeconds: 900, message: 'Too many requests' },
    },
    {
      name: 'NestJS 404',
      status: 404,
      body: { statusCode: 404, message: 'Cannot GET /api/x', error: 'Not Found' },
      expect: { failure: true, errorCode: null, errorId: null, message: 'Cannot GET /api/x' },
    },
    {
      name: 'NestJS 500',
      status: 500,
      body: { statusCode: 500, message: 'Internal server error' },
      expect: { failure: true, errorCode: null, errorId: null, retryable: true },
    },
    {
      name: 'NestJS throttler with Retry-After',
      status: 429,
      headers: { 'retry-after': '60' },
      body: { statusCode: 429, message: 'ThrottlerException: Too Many Requests' },
      expect: { failure: true, retryable: true, retryAfterSeconds: 60 },
    },
    {
      name: 'Fastify validation with FST code',
      status: 400,
      body: {
        statusCode: 400,
        code: 'FST_ERR_VALIDATION',
        error: 'Bad Request',
        message: "body must have required property 'name'",
      },
      expect: { failure: true, errorCode: 'FST_ERR_VALIDATION', message: "body must have required property 'name'" },
    },
    {
      name: 'Fastify 404',
      status: 404,
      body: { message: 'Route GET:/api/x not found', error: 'Not Found', statusCode: 404 },
      expect: { failure: true, errorCode: null, errorId: null, message: 'Route GET:/api/x not found' },
    },
    {
      name: 'Fastify media type',
      status: 415,
      body: {
        statusCode: 415,
        code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE',
        error: 'Unsupported Media Type',
        message: 'Unsupported Media Type: text/plain',
      },
      expect: { failure: true, errorCode: 'FST_ERR_CTP_INVALID_MEDIA_TYPE', retryable: false },
    },
    {
      name: '@fastify/rate-limit v9 with its code',
      status: 429,
      headers: {
        'retry-after': '60',
        'x-ratelimit-limit': '100',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': '60',
      },
      body: {
        statusCode: 429,
        code: 'FST_ERR_RATE_LIMIT_EXCEEDED',
        error: 'Too Many Requests',
        message: 'Rate limit exceeded, retry in 1 minute',
      },
      expect: { failure: true, errorCode: 'FST_ERR_RATE_LIMIT_EXCEEDED', retryable: true, retryAfterSeconds: 60 },
    },
    {
      name: 'Boom with Joi validation source',
      status: 400,
      body: {
        statusCode: 400,
        error: 'Bad Request',
        message: '"name" is required',
        validation: { source: 'payload', keys: ['name'] },
      },
      expect: { failure: true, errorCode: null, errorId: null, message: '"name" is required' },
    },
    {
      name: 'Koa text 404',
      status: 404,
      type: 'text/plain; charset=utf-8',
      body: 'Not Found',
      expect: { failure: true, errorCode: null, errorId: null },
    },
    {
      name: 'LoopBack 3 error',
      status: 404,
      body: {
        error: {
          statusCode: 404,
          name: 'Error',
          message: 'Unknown "User" id "7".',
          code: 'MODEL_NOT_FOUND',
          stack: 'Error: Unknown "User" id "7".\n    at /app/node_modules/loopback/lib/persisted-model.js:1:1',
        },
      },
      expect: { failure: true, errorCode: 'MODEL_NOT_FOUND', errorId: null, message: 'Unknown "User" id "7".' },
    },
    {
      name: 'LoopBack 4 validation: the detail beside the wrapper',
      status: 422,
      body: {
        error: {
          statusCode: 422,
          name: 'UnprocessableEntityError',
          message: 'The request body is invalid. See error object `details` property for more info.',
          code: 'VALIDATION_FAILED',
          details: [
            {
              path: '',
              code: 'required',
              message: "must have required property 'name'",
              info: { missingProperty: 'name' },
            },
          ],
        },
      },
      expect: {
        failure: true,
        errorCode: 'VALIDATION_FAILED',
        errorId: null,
        message: "must have required property 'name'",
      },
    },
    {
      name: 'Restify',
      status: 404,
      body: { code: 'ResourceNotFound', message: '/api/x does not exist' },
      expect: { failure: true, errorCode: 'ResourceNotFound', message: '/api/x does not exist' },
    },
    {
      name: 'Sails problems beside the wrapper',
      status: 400,
      body: {
        code: 'E_MISSING_OR_INVALID_PARAMS',
        problems: ['"name" is required, but it was not defined.'],
        message:
          'The server could not fulfill this request (`POST /user`) due to a problem with the parameters that were sent.  See the `problems` array for more info.',
      },
      expect: { failure: true, errorCode: 'E_MISSING_OR_INVALID_PARAMS', message: '"name" is required' },
    },
    {
      name: 'Moleculer validation: type is the code, data the specifics',
      status: 422,
      body: {
        name: 'ValidationError',
        message: 'Parameters validation error!',
        code: 422,
        type: 'VALIDATION_ERROR',
        data: [
          {
            type: 'required',
            message: "The 'name' field is required.",
            field: 'name',
            action: 'users.create',
            nodeID: 'node-1',
          },
        ],
      },
      expect: { failure: true, errorCode: 'VALIDATION_ERROR', errorId: null, message: "The 'name' field is required." },
    },
    {
      name: 'Moleculer service not found',
      status: 404,
      body: {
        name: 'ServiceNotFoundError',
        message: "Service 'users.get' is not found.",
        code: 404,
        type: 'SERVICE_NOT_FOUND',
        data: { action: 'users.get' },
      },
      expect: { failure: true, errorCode: 'SERVICE_NOT_FOUND', message: "Service 'users.get' is not found." },
    },
    {
      name: 'Feathers NotFound',
      status: 404,
      body: { name: 'NotFound', message: "No record found for id '7'", code: 404, className: 'not-found', errors: {} },
      expect: { failure: true, errorId: null, message: "No record found for id '7'" },
    },
    {
      name: 'AdonisJS 6 validation errors',
      status: 422,
      body: { errors: [{ message: 'The name field must be defined', rule: 'required', field: 'name' }] },
      expect: { failure: true, errorId: null, message: 'The name field must be defined' },
    },
    {
      name: 'Meteor.Error: error is the code, reason the message, errorType the class',
      status: 403,
      body: {
        error: 'not-authorized',
        reason: 'You must be logged in',
        message: 'You must be logged in [not-authorized]',
        errorType: 'Meteor.Error',
        isClientSafe: true,
      },
      expect: { failure: true, errorCode: 'not-authorized', message: 'You must be logged in' },
    },
    {
      name: 'Payload CMS validation: the field error beside the wrapper',
      status: 400,
      body: {
        errors: [
          {
            name: 'ValidationError',
            data: { collection: 'users', errors: [{ message: 'This field is required.', path: 'email' }] },
            message: 'The following field is invalid: email',
          },
        ],
      },
      expect: {
        failure: true,
        errorCode: 'ValidationError',
        errorId: null,
        message: 'The following field is invalid: email',
      },
    },
    {
      name: 'Strapi v3: the message ID is a message key, no support ID',
      status: 400,
      body: {
        statusCode: 400,
        error: 'Bad Request',
        message: [{ messages: [{ id: 'Auth.form.error.invalid', message: 'Identifier or password invalid.' }] }],
        data: [{ messages: [{ id: 'Auth.form.error.invalid', message: 'Identifier or password invalid.' }] }],
      },
      expect: { failure: true, errorId: null, message: 'Identifier or password invalid.' },
    },
    {
      name: 'http-proxy-middleware 504 text',
      status: 504,
      type: 'text/plain',
      body: 'Error occurred while trying to proxy: localhost:3000/api/users',
      expect: { failure: true, errorId: null, retryable: true, message: 'Error occurred while trying to proxy' },
    },
  ];
  it.each(rows(variants))('%s', (_, v) => ok(v));
});

describe('Go, Rust and JVM frameworks', () => {
  const variants: Variant[] = [
    {
      name: 'Gin text 404',
      status: 404,
      type: 'text/plain',
      body: '404 page not found',
      expect: { failure: true, errorCode: null, errorId: null, message: '404 page not found' },
    },
    {
      name: 'Echo default',
      status: 404,
      body: { message: 'Not Found' },
      expect: { failure: true, errorCode: null, errorId: null },
    },
    {
      name: 'Fiber text',
      status: 404,
      type: 'text/plain; charset=utf-8',
      body: 'Cannot GET /api/x',
      expect: { failure: true, errorCode: null, errorId: null, message: 'Cannot GET /api/x' },
    },
    {
      name: 'Kratos: reason is the code',
      status: 404,
      body: { code: 404, reason: 'USER_NOT_FOUND', message: 'user not found', metadata: {} },
      expect: { failure: true, errorCode: 'USER_NOT_FOUND', errorId: null, message: 'user not found' },
    },
    {
      name: 'goa v3 ErrorResult: name is the code, id the occurrence',
      status: 400,
      body: {
        name: 'missing_field',
        id: 'Cw6rZz3q',
        message: '"name" is missing from body',
        temporary: false,
        timeout: false,
        fault: false,
      },
      expect: {
        failure: true,
        errorCode: 'missing_field',
        errorId: 'Cw6rZz3q',
        message: '"name" is missing from body',
        retryable: false,
      },
    },
    {
      name: 'goa v3 temporary fault is retryable',
      status: 503,
      body: {
        name: 'unavailable',
        id: 'q2L7xkVb',
        message: 'database is restarting',
        temporary: true,
        timeout: false,
        fault: true,
      },
      expect: { failure: true, errorCode: 'unavailable', errorId: 'q2L7xkVb', retryable: true },
    },
    {
      name: 'Huma problem with errors[]',
      status: 422,
      type: 'application/problem+json',
      body: {
        $schema: 'https://api.example.test/schemas/ErrorModel.json',
        title: 'Unprocessable Entity',
        status: 422,
        detail: 'validation failed',
        errors: [{ message: 'expected required property name to be present', location: 'body', value: {} }],
      },
      expect: {
        failure: true,
        errorCode: null,
        errorId: null,
        message: 'expected required property name to be present',
      },
    },
    {
      name: 'Buffalo JSON error: the trace is a stack, no ID',
      status: 404,
      body: { error: 'record not found', trace: 'record not found\ngithub.com/gobuffalo/pop.(*Query).Find', code: 404 },
      expect: { failure: true, errorCode: null, errorId: null, message: 'record not found' },
    },
    {
      name: 'Axum JSON rejection text',
      status: 422,
      type: 'text/plain; charset=utf-8',
      body: 'Failed to deserialize the JSON body into the target type: missing field `name` at line 1 column 13',
      expect: { failure: true, errorCode: null, errorId: null, message: 'missing field `name`', retryable: false },
    },
    {
      name: 'Actix JSON error text',
      status: 400,
      type: 'text/plain; charset=utf-8',
      body: 'Json deserialize error: missing field `name` at line 1 column 13',
      expect: { failure: true, errorCode: null, errorId: null, message: 'missing field `name`' },
    },
    {
      name: 'Rocket JSON catcher: code echoes, reason is the phrase',
      status: 404,
      body: { error: { code: 404, reason: 'Not Found', description: 'The requested resource could not be found.' } },
      expect: { failure: true, errorCode: null, errorId: null, message: 'The requested resource could not be found.' },
    },
    {
      name: 'Loco error',
      status: 404,
      body: { error: 'not_found', description: 'Resource was not found' },
      expect: { failure: true, errorCode: 'not_found', message: 'Resource was not found' },
    },
    {
      name: 'Micronaut 404',
      status: 404,
      body: {
        message: 'Not Found',
        _links: { self: { href: '/api/x', templated: false } },
        _embedded: { errors: [{ message: 'Page Not Found' }] },
      },
      expect: { failure: true, errorCode: null, errorId: null, message: 'Page Not Found' },
    },
    {
      name: 'Quarkus Hibernate Validator violations',
      status: 400,
      body: {
        title: 'Constraint Violation',
        status: 400,
        violations: [{ field: 'create.name', message: 'must not be blank' }],
      },
      expect: { failure: true, errorCode: null, errorId: null, message: 'must not be blank' },
    },
    {
      name: 'Dropwizard 404',
      status: 404,
      body: { code: 404, message: 'HTTP 404 Not Found' },
      expect: { failure: true, errorCode: null, errorId: null },
    },
    {
      name: 'Dropwizard 500: the logged ID in the message is the support ID',
      status: 500,
      body: {
        code: 500,
        message: 'There was an error processing your request. It has been logged (ID 1a2b3c4d5e6f7a8b).',
      },
      expect: { failure: true, errorCode: null, errorId: '1a2b3c4d5e6f7a8b', retryable: true },
    },
    {
      name: 'Dropwizard validation',
      status: 422,
      body: { errors: ['name must not be empty'] },
      expect: { failure: true, errorCode: null, errorId: null, message: 'name must not be empty' },
    },
    {
      name: 'Javalin NotFoundResponse: the type links the status, no code',
      status: 404,
      body: { title: 'Not Found', status: 404, type: 'https://javalin.io/documentation#notfoundresponse', details: {} },
      expect: { failure: true, errorCode: null, errorId: null },
    },
    {
      name: 'Vert.x text',
      status: 404,
      type: 'text/plain',
      body: 'Resource not found',
      expect: { failure: true, errorCode: null, errorId: null, message: 'Resource not found' },
    },
    {
      name: 'Spring Data REST',
      status: 400,
      body: { cause: null, message: 'Could not read document: Unrecognized field "nme"' },
      expect: { failure: true, errorCode: null, errorId: null, message: 'Unrecognized field "nme"' },
    },
  ];
  it.each(rows(variants))('%s', (_, v) => ok(v));
});

describe('BaaS and self-hosted backends', () => {
  const variants: Variant[] = [
    {
      name: 'Hasura REST/metadata error',
      status: 400,
      body: { path: '$.args', error: 'table "users" does not exist', code: 'not-exists' },
      expect: { failure: true, errorCode: 'not-exists', errorId: null, message: 'table "users" does not exist' },
    },
    {
      name: 'Kinvey',
      status: 401,
      body: {
        error: 'InvalidCredentials',
        description: 'Invalid credentials. Please retry your request with correct credentials.',
        debug: '',
      },
      expect: { failure: true, errorCode: 'InvalidCredentials', errorId: null, message: 'Invalid credentials.' },
    },
    {
      name: 'Backendless numeric code',
      status: 401,
      body: { code: 3003, message: 'Invalid login or password' },
      expect: { failure: true, errorCode: '3003', message: 'Invalid login or password' },
    },
    {
      name: 'Neon: empty code, request_id',
      status: 404,
      body: { code: '', message: 'project not found', request_id: '8f7f8c0b-5d2a-4a8e-9b1c-1d2e3f4a5b6c' },
      expect: {
        failure: true,
        errorCode: null,
        errorId: '8f7f8c0b-5d2a-4a8e-9b1c-1d2e3f4a5b6c',
        message: 'project not found',
      },
    },
    {
      name: 'Firebase callable function error',
      status: 401,
      body: { error: { message: 'The function must be called while authenticated.', status: 'UNAUTHENTICATED' } },
      expect: {
        failure: true,
        errorCode: 'UNAUTHENTICATED',
        message: 'The function must be called while authenticated.',
        retryable: false,
      },
    },
    {
      name: 'Firebase callable INTERNAL',
      status: 500,
      body: { error: { message: 'INTERNAL', status: 'INTERNAL' } },
      expect: { failure: true, errorCode: 'INTERNAL', retryable: true },
    },
    {
      name: 'Fauna v4 errors',
      status: 401,
      body: { errors: [{ code: 'unauthorized', description: 'Unauthorized' }] },
      expect: { failure: true, errorCode: 'unauthorized', retryable: false },
    },
  ];
  it.each(rows(variants))('%s', (_, v) => ok(v));
});

describe('API gateways: defaults with request IDs in bodies, headers and pages', () => {
  const variants: Variant[] = [
    {
      name: 'Kong 3.x HTML template with request_id',
      status: 404,
      body: '<!doctype html>\n<html>\n<head>\n  <meta charset="utf-8">\n  <title>Error</title>\n</head>\n<body>\n  <h1>Error</h1>\n  <p>no Route matched with those values.</p>\n  <p>request_id: 2b2e1e5f1d0c5a3c2e8d6b0a9e4f1c3d</p>\n</body>\n</html>\n',
      expect: {
        failure: true,
        errorCode: null,
        errorId: '2b2e1e5f1d0c5a3c2e8d6b0a9e4f1c3d',
        message: 'no Route matched with those values',
      },
    },
    {
      name: 'Kong 3.x text template with request_id',
      status: 401,
      type: 'text/plain; charset=utf-8',
      body: 'Unauthorized\nrequest_id: 7f1c2d3e4a5b6c7d8e9f0a1b2c3d4e5f\n',
      expect: { failure: true, errorCode: null, errorId: '7f1c2d3e4a5b6c7d8e9f0a1b2c3d4e5f' },
    },
    {
      name: 'Kong with X-Kong-Request-Id header only',
      status: 401,
      headers: { 'x-kong-request-id': '0c2a7b1f6c4d3e2f1a0b9c8d7e6f5a4b' },
      body: { message: 'Unauthorized' },
      expect: { failure: true, errorCode: null, errorId: '0c2a7b1f6c4d3e2f1a0b9c8d7e6f5a4b' },
    },
    {
      name: 'Gravitee: http_status_code echoes the status',
      status: 401,
      body: { message: 'Unauthorized', http_status_code: 401 },
      expect: { failure: true, errorCode: null, errorId: null },
    },
    {
      name: 'Gravitee rate limit',
      status: 429,
      body: {
        message: 'Rate limit exceeded ! You reach the limit of 10 requests per 1 minutes',
        http_status_code: 429,
      },
      expect: { failure: true, errorCode: null, retryable: true },
    },
    {
      name: 'AWS HTTP API (v2) with apigw-requestid',
      status: 500,
      headers: { 'apigw-requestid': 'Z9xq1gk1IAMEVxg=' },
      body: { message: 'Internal Server Error' },
      expect: { failure: true, errorCode: null, errorId: 'Z9xq1gk1IAMEVxg=', retryable: true },
    },
    {
      name: 'Lambda function URL throttle',
      status: 429,
      headers: {
        'x-amzn-requestid': '6f0c8a1e-3b2d-4c5e-9f8a-7b6c5d4e3f2a',
        'x-amzn-errortype': 'TooManyRequestsException',
      },
      body: { Message: 'Rate Exceeded.' },
      expect: {
        failure: true,
        errorCode: 'TooManyRequestsException',
        errorId: '6f0c8a1e-3b2d-4c5e-9f8a-7b6c5d4e3f2a',
        retryable: true,
      },
    },
    {
      name: 'Cloud Endpoints ESP: gRPC code number, DebugInfo detail',
      status: 401,
      body: {
        code: 16,
        message: 'JWT validation failed: Missing or invalid credentials',
        details: [{ '@type': 'type.googleapis.com/google.rpc.DebugInfo', stackEntries: [], detail: 'auth' }],
      },
      expect: { failure: true, errorId: null, message: 'JWT validation failed', retryable: false },
    },
    {
      name: 'ESPv2 / API Gateway: code echoes',
      status: 401,
      body: { code: 401, message: 'Jwt is missing' },
      expect: { failure: true, errorCode: null, errorId: null, message: 'Jwt is missing' },
    },
    {
      name: 'Google Frontend 503 page: the wait is in the prose',
      status: 503,
      body: '<html><head>\n<meta http-equiv="content-type" content="text/html;charset=utf-8">\n<title>503 Service Unavailable</title>\n</head>\n<body text=#000000 bgcolor=#ffffff>\n<h1>Error: Service Unavailable</h1>\n<h2>The service you requested is not available yet.<p>Please try again in 30 seconds.</h2>\n<h2></h2>\n</body></html>\n',
      expect: { failure: true, errorCode: null, retryable: true, retryAfterSeconds: 30, message: 'not available yet' },
    },
    {
      name: 'Envoy local rate limit: empty body, x-envoy-ratelimited',
      status: 429,
      type: 'text/plain',
      headers: { 'x-envoy-ratelimited': 'true' },
      body: '',
      expect: { failure: true, errorCode: null, retryable: true },
    },
    {
      name: '3scale text',
      status: 403,
      type: 'text/plain; charset=us-ascii',
      body: 'Authentication parameters missing',
      expect: {
        failure: true,
        errorCode: null,
        errorId: null,
        message: 'Authentication parameters missing',
        retryable: false,
      },
    },
    {
      name: 'Imperva block page: the incident ID inside the iframe',
      status: 403,
      body: '<html style="height:100%"><head><META NAME="ROBOTS" CONTENT="NOINDEX, NOFOLLOW"><meta name="format-detection" content="telephone=no"></head><body style="margin:0px;height:100%"><iframe id="main-iframe" src="/_Incapsula_Resource?CWUDNSAI=24&xinfo=6-1300-0&incident_id=1234000120012345678-123456789012345678&edet=12&cinfo=04000000&mth=GET" frameborder=0 width="100%" height="100%" marginheight="0px" marginwidth="0px">Request unsuccessful. Incapsula incident ID: 1234000120012345678-123456789012345678</iframe></body></html>',
      expect: { failure: true, errorId: '1234000120012345678-123456789012345678' },
    },
  ];
  it.each(rows(variants))('%s', (_, v) => ok(v));
});

describe('round 2: self-hosted servers, OpenStack faults, gateway and CDN pages', () => {
  const variants: Variant[] = [
    {
      name: 'Dropwizard text/plain 500 with the logged ID',
      status: 500,
      type: 'text/plain',
      body: 'There was an error processing your request. It has been logged (ID 6b1f9c2d4e5a7b80).\n',
      expect: { failure: true, errorCode: null, errorId: '6b1f9c2d4e5a7b80', retryable: true },
    },
    {
      name: 'Dropwizard-style "(ID: …)" in JSON',
      status: 500,
      body: {
        code: 500,
        message: 'There was an error processing your request. It has been logged (ID: e9dda4f26cb1ee94)',
      },
      expect: { failure: true, errorCode: null, errorId: 'e9dda4f26cb1ee94' },
    },
    {
      name: 'Sails "due to 1 missing or invalid parameter" with the development tip',
      status: 400,
      body: {
        code: 'E_MISSING_OR_INVALID_PARAMS',
        problems: ['Invalid "id":\n  · Expecting a number, but got a string.'],
        message:
          'The server could not fulfill this request (`GET /user/test`) due to 1 missing or invalid parameter.  **The following additional tip will not be shown in production**:  Tip: Check your client-side code to make sure that the request data it sends matches the expectations of the corresponding parameters in your server-side route/action.',
      },
      expect: {
        failure: true,
        errorCode: 'E_MISSING_OR_INVALID_PARAMS',
        message: 'Expecting a number, but got a string.',
      },
    },
    {
      name: 'Google\'s "That\'s an error" page: no code, no ID',
      status: 404,
      body: '<!DOCTYPE html>\n<html lang=en>\n  <meta charset=utf-8>\n  <title>Error 404 (Not Found)!!1</title>\n  <a href=//www.google.com/><span id=logo aria-label=Google></span></a>\n  <p><b>404.</b> <ins>That’s an error.</ins>\n  <p>The requested URL <code>/v1/x</code> was not found on this server.  <ins>That’s all we know.</ins>\n',
      expect: { failure: true, errorCode: null, errorId: null, message: 'was not found on this server' },
    },
    {
      name: 'Envoy no healthy upstream',
      status: 503,
      type: 'text/plain',
      body: 'no healthy upstream',
      expect: { failure: true, errorCode: null, errorId: null, retryable: true, message: 'no healthy upstream' },
    },
    {
      name: 'ingress-nginx default backend',
      status: 404,
      type: 'text/plain',
      body: 'default backend - 404',
      expect: { failure: true, errorCode: null, errorId: null },
    },
    {
      name: 'Grafana: messageId is the code, traceID the support ID',
      status: 404,
      body: {
        message: 'Dashboard not found',
        messageId: 'dashboards.notFound',
        statusCode: 404,
        traceID: '4bf92f3577b34da6a3ce929d0e0e4736',
      },
      expect: {
        failure: true,
        errorCode: 'dashboards.notFound',
        errorId: '4bf92f3577b34da6a3ce929d0e0e4736',
        message: 'Dashboard not found',
      },
    },
    {
      name: 'Grafana without tracing: an empty traceID',
      status: 401,
      body: { message: 'Invalid API key', messageId: 'auth.unauthorized', statusCode: 401, traceID: '' },
      expect: { failure: true, errorCode: 'auth.unauthorized', errorId: null },
    },
    {
      name: 'Ghost: the error type is the code, its id the occurrence',
      status: 404,
      body: {
        errors: [
          {
            message: 'Resource not found error, cannot read post.',
            context: null,
            type: 'NotFoundError',
            details: null,
            property: null,
            help: null,
            code: null,
            id: 'b6f3a0c0-4a5b-11ee-9d9a-2b1f0c3d4e5f',
            ghostErrorCode: null,
          },
        ],
      },
      expect: {
        failure: true,
        errorCode: 'NotFoundError',
        errorId: 'b6f3a0c0-4a5b-11ee-9d9a-2b1f0c3d4e5f',
        message: 'Resource not found error',
      },
    },
    {
      name: 'Unleash: name is the code, id the occurrence',
      status: 404,
      body: {
        id: '0ae4f2d1-7c4b-4f0e-8f6a-9b2c1d3e4f5a',
        name: 'NotFoundError',
        message: 'Could not find feature toggle with name demo',
      },
      expect: {
        failure: true,
        errorCode: 'NotFoundError',
        errorId: '0ae4f2d1-7c4b-4f0e-8f6a-9b2c1d3e4f5a',
        message: 'Could not find feature toggle',
      },
    },
    {
      name: 'Backstage: error.name is the code',
      status: 404,
      body: {
        error: { name: 'NotFoundError', message: 'No entity named "x" found' },
        request: { method: 'GET', url: '/api/catalog/entities/by-name/component/default/x' },
        response: { statusCode: 404 },
      },
      expect: { failure: true, errorCode: 'NotFoundError', errorId: null, message: 'No entity named "x" found' },
    },
    {
      name: 'OpenProject: an errorIdentifier URN names the kind, no support ID',
      status: 404,
      type: 'application/hal+json',
      body: {
        _type: 'Error',
        errorIdentifier: 'urn:openproject-org:api:v3:errors:NotFound',
        message: 'The requested resource could not be found.',
      },
      expect: { failure: true, errorId: null, message: 'The requested resource could not be found.' },
    },
    {
      name: 'Taiga: _error_type and _error_message',
      status: 404,
      body: { _error_message: 'No WorkItem matches the given query.', _error_type: 'taiga.base.exceptions.NotFound' },
      expect: {
        failure: true,
        errorCode: 'taiga.base.exceptions.NotFound',
        message: 'No WorkItem matches the given query.',
      },
    },
    {
      name: 'Immich (NestJS) with correlationId',
      status: 400,
      body: {
        message: 'Not found or no asset.read access',
        error: 'Bad Request',
        statusCode: 400,
        correlationId: 'k2ay3v1q',
      },
      expect: { failure: true, errorCode: null, errorId: 'k2ay3v1q', message: 'Not found or no asset.read access' },
    },
    {
      name: 'Outline: ok false, error code, message',
      status: 401,
      body: { ok: false, error: 'authentication_required', status: 401, message: 'Authentication required' },
      expect: { failure: true, errorCode: 'authentication_required', message: 'Authentication required' },
    },
    {
      name: 'Superset: error_type in an errors list',
      status: 400,
      body: {
        errors: [
          {
            message: 'Table "x" does not exist',
            error_type: 'TABLE_DOES_NOT_EXIST_ERROR',
            level: 'error',
            extra: { engine_name: 'PostgreSQL' },
          },
        ],
      },
      expect: { failure: true, errorCode: 'TABLE_DOES_NOT_EXIST_ERROR', message: 'Table "x" does not exist' },
    },
    {
      name: 'n8n webhook not registered: code echoes, hint beside',
      status: 404,
      body: {
        code: 404,
        message: 'The requested webhook "GET x" is not registered.',
        hint: "Click the 'Execute workflow' button on the canvas, then try again.",
      },
      expect: { failure: true, errorCode: null, errorId: null, message: 'is not registered' },
    },
    {
      name: 'OpenStack Nova fault: the key names the fault',
      status: 404,
      body: { itemNotFound: { code: 404, message: 'Instance 7 could not be found.' } },
      expect: { failure: true, errorCode: 'itemNotFound', message: 'Instance 7 could not be found.' },
    },
    {
      name: 'OpenStack Nova overLimit with retryAfter',
      status: 413,
      headers: { 'retry-after': '59' },
      body: { overLimit: { code: 413, message: 'Over limit', retryAfter: '59' } },
      expect: { failure: true, errorCode: 'overLimit', retryable: true, retryAfterSeconds: 59 },
    },
    {
      name: 'OpenStack Neutron: type is the code',
      status: 404,
      body: { NeutronError: { type: 'NetworkNotFound', message: 'Network 5 could not be found.', detail: '' } },
      expect: { failure: true, errorCode: 'NetworkNotFound', message: 'Network 5 could not be found.' },
    },
    {
      name: 'OpenStack Keystone: title echoes the status',
      status: 401,
      body: {
        error: { code: 401, message: 'The request you have made requires authentication.', title: 'Unauthorized' },
      },
      expect: { failure: true, errorCode: null, message: 'requires authentication' },
    },
    {
      name: 'Keycloak admin errorMessage',
      status: 409,
      body: { errorMessage: 'User exists with same username' },
      expect: { failure: true, errorCode: null, message: 'User exists with same username' },
    },
    {
      name: 'Tyk rate limit',
      status: 429,
      body: { error: 'Rate limit exceeded' },
      expect: { failure: true, errorCode: null, retryable: true, message: 'Rate limit exceeded' },
    },
    {
      name: 'Cloud Run / GFE 403 page',
      status: 403,
      body: '<html><head>\n<meta http-equiv="content-type" content="text/html;charset=utf-8">\n<title>403 Forbidden</title>\n</head>\n<body text=#000000 bgcolor=#ffffff>\n<h1>Error: Forbidden</h1>\n<h2>Your client does not have permission to get URL <code>/api/x</code> from this server.</h2>\n<h2></h2>\n</body></html>\n',
      expect: {
        failure: true,
        errorCode: null,
        errorId: null,
        message: 'Your client does not have permission to get URL',
      },
    },
    {
      name: 'CloudFront-generated 403 with the Request ID',
      status: 403,
      body: '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" "http://www.w3.org/TR/html4/loose.dtd">\n<HTML><HEAD><META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=iso-8859-1">\n<TITLE>ERROR: The request could not be satisfied</TITLE>\n</HEAD><BODY>\n<H1>403 ERROR</H1>\n<H2>The request could not be satisfied.</H2>\n<HR noshade size="1px">\nRequest blocked.\nWe can\'t connect to the server for this app or website at this time.\n<BR clear="all">\n<HR noshade size="1px">\n<PRE>\nGenerated by cloudfront (CloudFront)\nRequest ID: 3Xb7Qf0dG5yHkzN1l0pQ9wE2rT6uY8iO4aS-dF3gH5jK7lZ9xC1vBn==\n</PRE>\n<ADDRESS>\n</ADDRESS>\n</BODY></HTML>',
      expect: {
        failure: true,
        errorId: '3Xb7Qf0dG5yHkzN1l0pQ9wE2rT6uY8iO4aS-dF3gH5jK7lZ9xC1vBn==',
        message: 'Request blocked',
      },
    },
  ];
  it.each(rows(variants))('%s', (_, v) => ok(v));
});

describe('counter-examples for the shape rules above', () => {
  const variants: Variant[] = [
    {
      name: "a messageId that is a sent message's UUID is no code",
      status: 400,
      body: { message: 'Invalid recipient address', messageId: '9f1c2d3e-4a5b-4c6d-8e7f-0a1b2c3d4e5f' },
      expect: { failure: true, errorCode: null, message: 'Invalid recipient address' },
    },
    {
      name: 'a lone key that is a reason phrase names only the status (WebOb)',
      status: 400,
      body: {
        BadRequest: {
          message: 'The server could not comply with the request since it is either malformed or otherwise incorrect.',
          detail: 'Invalid volume size',
        },
      },
      expect: { failure: true, errorCode: null },
    },
    {
      name: 'a lone record key on a 200 stays a success',
      status: 200,
      body: { userProfile: { message: 'Hello there', name: 'Ada' } },
      expect: { failure: false, errorCode: null },
    },
    {
      name: 'a lone lower-case key is no fault name',
      status: 404,
      body: { user: { message: 'User not found' } },
      expect: { failure: true, errorCode: null, message: 'User not found' },
    },
    {
      name: 'a urn:uuid request ID stays the support ID',
      status: 500,
      body: { message: 'Internal failure', requestId: 'urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66' },
      expect: { failure: true, errorId: 'urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66' },
    },
    {
      name: 'a field dictionary shape on a 200 is data',
      status: 200,
      body: { lines: [{}, { quantity: ['A valid integer is required.'] }] },
      expect: { failure: false, errorCode: null, message: null },
    },
    {
      name: 'temporary alone (no goa booleans beside it) says nothing of retrying',
      status: 400,
      body: { name: 'password_reset', id: 'Ab12Cd34', message: 'The reset link is invalid', temporary: true },
      expect: { failure: true, errorId: null, retryable: false },
    },
    {
      name: 'a Javalin problem whose type names a real kind keeps its code',
      status: 409,
      body: { title: 'Conflict', status: 409, type: 'https://api.example.test/problems/duplicate-email', details: {} },
      expect: { failure: true, errorCode: 'https://api.example.test/problems/duplicate-email' },
    },
  ];
  it.each(rows(variants))('%s', (_, v) => ok(v));
});

describe('the data of an error class', () => {
  it('is read beside a wrapper when `name` is an error class, and left alone otherwise', () => {
    const data = [{ message: 'Profile saved earlier' }];
    expect(inferJson({ name: 'ValidationError', message: 'Validation failed', data }, 400).message).toBe(
      'Validation failed: Profile saved earlier',
    );
    expect(inferJson({ name: 'Ada', message: 'Validation failed', data }, 400).message).toBe('Validation failed');
  });
});

describe('round 3: IDs written in error pages', () => {
  const variants: Variant[] = [
    {
      name: 'Akamai page with the phrase written as entities',
      status: 403,
      body: '<HTML><HEAD>\n<TITLE>Access Denied</TITLE>\n</HEAD><BODY>\n<H1>Access Denied</H1>\n \nYou don\'t have permission to access "http&#58;&#47;&#47;www&#46;example&#46;test&#47;" on this server.<P>\nReference&#32;&#35;18&#46;6a3c2f17&#46;1700000000&#46;1b2c3d4e\n</BODY>\n</HTML>\n',
      expect: {
        failure: true,
        errorId: '18.6a3c2f17.1700000000.1b2c3d4e',
        message: "You don't have permission to access",
      },
    },
    {
      name: 'Salesforce Visualforce/Apex error page: Error ID',
      status: 500,
      body: '<html><body><p>An unexpected error has occurred. Your development organization has been notified.</p><p>Error ID: 1480950283-148187 (-1379318339)</p></body></html>',
      expect: { failure: true, errorId: '1480950283-148187', message: 'An unexpected error has occurred' },
    },
    {
      name: 'Microsoft identity platform HTML: Request Id before Correlation Id',
      status: 400,
      body: '<html><body><div>Sorry, but we’re having trouble signing you in.</div><div>AADSTS50011: The redirect URI specified in the request does not match the redirect URIs configured for the application.</div><div>Request Id: 9f3a2b1c-0d4e-4f5a-8b6c-7d8e9f0a1b2c</div><div>Correlation Id: 1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d</div><div>Timestamp: 2024-03-01T10:15:30Z</div></body></html>',
      expect: { failure: true, errorId: '9f3a2b1c-0d4e-4f5a-8b6c-7d8e9f0a1b2c' },
    },
    {
      name: 'GFE 502: "Please try again in 30 seconds"',
      status: 502,
      body: '<!DOCTYPE html>\n<html lang=en>\n  <meta charset=utf-8>\n  <title>Error 502 (Server Error)!!1</title>\n  <p><b>502.</b> <ins>That’s an error.</ins>\n  <p>The server encountered a temporary error and could not complete your request.<p>Please try again in 30 seconds.  <ins>That’s all we know.</ins>\n',
      expect: {
        failure: true,
        errorCode: null,
        errorId: null,
        retryable: true,
        retryAfterSeconds: 30,
        message: 'temporary error',
      },
    },
    {
      name: 'Gunicorn 500 text',
      status: 500,
      body: '<html>\n  <head>\n    <title>Internal Server Error</title>\n  </head>\n  <body>\n    <h1><p>Internal Server Error</p></h1>\n    \n  </body>\n</html>\n',
      expect: { failure: true, errorCode: null, errorId: null, retryable: true },
    },
    {
      name: 'Undertow / WildFly page',
      status: 404,
      body: '<html><head><title>Error</title></head><body>Not Found</body></html>',
      expect: { failure: true, errorCode: null, errorId: null },
    },
    {
      name: 'RESTEasy text: the message code opens the line',
      status: 404,
      type: 'text/plain',
      body: 'RESTEASY003210: Could not find resource for full path: http://localhost:8080/api/x',
      expect: { failure: true, errorId: null, message: 'Could not find resource for full path' },
    },
    {
      name: 'counter: a timestamp under the page is no ID',
      status: 503,
      body: '<html><body><h1>Service Unavailable</h1><p>The server is temporarily unable to service your request.</p><p>Time: 2024-03-01 10:15:30</p></body></html>',
      expect: { failure: true, errorId: null, retryable: true },
    },
  ];
  it.each(rows(variants))('%s', (_, v) => ok(v));
});
