package nl.veerkracht.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.veerkracht.VeerkrachtProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may reach what. Public data (CBS, Kadaster, Leefbaarometer) pages and its read API are open
 * unless {@code veerkracht.public-data.open=false}; a corporation's own data and every write need a
 * login (form login for pages, HTTP Basic or the session for {@code /api}). Per-corporation access
 * is checked again in each service through {@link CurrentUser}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
public class SecurityConfiguration {

  /** The Content-Security-Policy every page satisfies: no inline script or style. */
  public static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:;"
          + " font-src 'self'; connect-src 'self'; object-src 'none';"
          + " frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

  private static final String[] ALWAYS_OPEN = {
    "/actuator/health",
    "/actuator/health/**",
    "/webjars/**",
    "/css/**",
    "/js/**",
    "/img/**",
    "/tiles/**",
    "/favicon.ico",
    "/login",
    "/error",
    "/api/docs",
    "/api/docs/**",
    "/api/openapi.json",
    "/api/openapi.json/**",
    "/api/openapi.json.yaml",
    "/swagger-ui/**",
    "/api/swagger-ui/**",
    "/over",
    "/bronnen",
    "/begrippen"
  };

  private static final String[] PUBLIC_DATA_READS = {
    "/",
    "/kaart",
    "/gebied/**",
    "/api/areas",
    "/api/areas/**",
    "/api/indicators",
    "/api/indicators/**",
    "/api/map/**",
    "/api/analysis/settings",
    "/api/search",
    "/zoeken",
    "/methode",
    "/ogc",
    "/ogc/conformance",
    "/ogc/api",
    "/ogc/collections",
    "/ogc/collections/gemeenten/**",
    "/ogc/collections/wijken/**",
    "/ogc/collections/buurten/**",
    "/ogc/collections/gemeenten",
    "/ogc/collections/wijken",
    "/ogc/collections/buurten"
  };

  @Bean
  public SecurityFilterChain securityFilterChain(
      HttpSecurity http,
      VeerkrachtProperties properties,
      org.springframework.beans.factory.ObjectProvider<
              org.springframework.security.oauth2.client.registration.ClientRegistrationRepository>
          oidcProviders,
      org.springframework.beans.factory.ObjectProvider<OidcAccounts> oidcAccounts,
      org.springframework.beans.factory.ObjectProvider<ApiTokens> apiTokens,
      org.springframework.beans.factory.ObjectProvider<AppUserDetailsService> users,
      org.springframework.beans.factory.ObjectProvider<SignInThrottle> throttles,
      org.springframework.beans.factory.ObjectProvider<UserAccounts> accounts)
      throws Exception {
    SignInThrottle throttle = throttles.getIfAvailable();
    if (throttle != null) {
      // an address that tried too many unknown names waits before its password is even checked
      http.addFilterBefore(
          new SignInGate(throttle),
          org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter
              .class);
    }
    if (apiTokens.getIfAvailable() != null && users.getIfAvailable() != null) {
      // a script's or GIS client's API token signs in its request only (web slice tests have no
      // tokens)
      http.addFilterBefore(
          new ApiTokenFilter(apiTokens.getObject(), users.getObject()),
          org.springframework.security.web.authentication.www.BasicAuthenticationFilter.class);
    }
    if (accounts.getIfAvailable() != null) {
      // an account an administrator made chooses its own password before anything else
      http.addFilterAfter(
          new PasswordChangeFilter(accounts.getObject()),
          org.springframework.security.web.access.intercept.AuthorizationFilter.class);
    }
    if (oidcProviders.getIfAvailable() != null && oidcAccounts.getIfAvailable() != null) {
      // single sign-on when an OpenID Connect provider is configured; the login page links to it
      http.oauth2Login(
          oauth ->
              oauth
                  .loginPage("/login")
                  .userInfoEndpoint(user -> user.oidcUserService(oidcAccounts.getObject()))
                  .failureHandler((request, response, e) -> response.sendRedirect("/login?sso")));
    }
    RequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
    RequestMatcher atelierApi =
        PathPatternRequestMatcher.withDefaults().matcher("/api/ateliers/{id:\\d+}/**");
    http.authorizeHttpRequests(auth -> rules(auth, properties.publicData().open()))
        .formLogin(
            form ->
                form.loginPage("/login")
                    .permitAll()
                    .failureHandler(
                        (request, response, e) ->
                            response.sendRedirect(
                                e instanceof LockedException
                                    ? "/login?locked"
                                        + until(throttle, request.getParameter("username"))
                                    : "/login?error")))
        .logout(logout -> logout.logoutSuccessUrl("/"))
        // a wrong or locked Basic sign-in answers like every API 401: JSON that says why (and, for
        // a locked account, until when)
        .httpBasic(
            basic ->
                basic.authenticationEntryPoint(
                    (request, response, e) -> answer401(request, response, e, throttle)))
        .csrf(csrf -> csrf(csrf, api, atelierApi))
        .exceptionHandling(
            ex ->
                ex.defaultAuthenticationEntryPointFor(
                    (request, response, e) -> answer401(request, response, e, throttle), api))
        .headers(SecurityConfiguration::headers);
    return http.build();
  }

  /** Who may ask for what: the rules in order, the first that matches decides. */
  private static void rules(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth,
      boolean openData) {
    auth.requestMatchers(ALWAYS_OPEN).permitAll();
    AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizedUrl publicReads =
        auth.requestMatchers(HttpMethod.GET, PUBLIC_DATA_READS);
    if (openData) {
      publicReads.permitAll();
    } else {
      publicReads.authenticated();
    }
    // participants have no account: every atelier endpoint and page checks the
    // participant's token or the staff login itself (AtelierAccess)
    auth.requestMatchers("/api/ateliers/*", "/api/ateliers/*/**", "/atelier/**", "/doe-mee")
        .permitAll();
    auth.requestMatchers("/beheer/**", "/api/admin/**").hasRole("ADMIN");
    // a partner account reads what was shared with its organisation and nothing else
    // of a corporation's; everything else signed in is for staff
    auth.requestMatchers("/partner", "/partner/**", "/api/partner/**").hasRole("PARTNER");
    // one's own account page (password, API tokens): staff and partners alike
    auth.requestMatchers("/mijn-account", "/mijn-account/**").authenticated();
    // prestatieafspraken: the corporation's staff, and partners who are a party (the
    // service checks which)
    auth.requestMatchers(HttpMethod.GET, "/api/agreements", "/api/agreements/**", "/afspraken/*")
        .hasAnyRole("STAFF", "PARTNER");
    auth.anyRequest().hasRole("STAFF");
  }

  /** The CSRF token: required wherever a request rides on a session. */
  private static void csrf(
      org.springframework.security.config.annotation.web.configurers.CsrfConfigurer<HttpSecurity>
          csrf,
      RequestMatcher api,
      RequestMatcher atelierApi) {
    // The token also travels in a cookie (XSRF-TOKEN) that scripts on our own pages,
    // the upload page and the API docs' "Try it out", send back as a header.
    // An API call without a session cookie cannot be forged by another site (a
    // script with HTTP Basic or a token; unauthenticated, it gets its 401 instead of
    // a CSRF 403), nor can an atelier request with a participant token (AtelierAccess
    // then reads the token only). A request that comes with a session needs the token,
    // whatever Authorization header it carries: Spring's Basic filter does not check
    // the password again when the session's user has the same name.
    csrf.spa()
        .ignoringRequestMatchers(
            request ->
                api.matches(request)
                    && !hasParticipantCookie(request)
                    && (participantToken(request, atelierApi)
                        || request.getRequestedSessionId() == null));
  }

  /** Headers on every answer: content security policy, no framing, referrer and permissions. */
  private static void headers(
      org.springframework.security.config.annotation.web.configurers.HeadersConfigurer<HttpSecurity>
          headers) {
    headers
        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
        .frameOptions(frame -> frame.deny())
        .referrerPolicy(
            referrer ->
                referrer.policy(
                    ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
        .permissionsPolicyHeader(
            permissions -> permissions.policy("camera=(), microphone=(), geolocation=(self)"));
  }

  /** "&until=21:15" when the account of this name is locked, for the login page. */
  private static String until(SignInThrottle throttle, String name) {
    return throttle == null
        ? ""
        : throttle.lockedUntil(name).map(t -> "&until=" + SignInThrottle.clock(t)).orElse("");
  }

  /** An API call without (valid) credentials: 401 in JSON, saying why. */
  static void answer401(
      HttpServletRequest request,
      HttpServletResponse response,
      org.springframework.security.core.AuthenticationException e,
      SignInThrottle throttle)
      throws java.io.IOException {
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    response.setHeader("WWW-Authenticate", "Basic realm=\"Veerkracht\"");
    response.setContentType("application/json");
    response
        .getWriter()
        .write(
            "{\"status\":401,\"error\":\"Authentication required\",\"message\":\""
                + (e instanceof LockedException
                    ? lockedMessage(request, throttle)
                    : "Log in, or send HTTP Basic credentials.")
                + "\"}");
  }

  /** "… locked until 21:15", in the reader's language (no quotes or backslashes in it). */
  private static String lockedMessage(HttpServletRequest request, SignInThrottle throttle) {
    String clock =
        throttle == null
            ? null
            : SignInGate.attempted(request)
                .flatMap(throttle::lockedUntil)
                .map(SignInThrottle::clock)
                .orElse(null);
    java.util.Locale reader = nl.veerkracht.common.ReaderLocale.of(request);
    return (clock == null
            ? nl.veerkracht.common.Text.msg("login.lockedApi")
            : nl.veerkracht.common.Text.msg("login.lockedUntil", "time", clock))
        .in(reader)
        .replace("\"", "'");
  }

  /** A participant's token on an atelier's own endpoints (read instead of any session). */
  static boolean participantToken(HttpServletRequest request, RequestMatcher atelierApi) {
    String h = request.getHeader("Authorization");
    return h != null && h.regionMatches(true, 0, "Bearer ", 0, 7) && atelierApi.matches(request);
  }

  /**
   * An atelier participant's page cookie ({@code vk_atelier_ID}) authenticates like a session does,
   * so requests that carry one need the CSRF token too.
   */
  static boolean hasParticipantCookie(HttpServletRequest request) {
    jakarta.servlet.http.Cookie[] cookies = request.getCookies();
    if (cookies != null) {
      for (jakarta.servlet.http.Cookie c : cookies) {
        if (c.getName().startsWith("vk_atelier_")) {
          return true;
        }
      }
    }
    return false;
  }
}
