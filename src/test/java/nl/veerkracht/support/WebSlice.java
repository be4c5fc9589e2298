package nl.veerkracht.support;

import gg.jte.springframework.boot.autoconfigure.JteAutoConfiguration;
import gg.jte.springframework.boot.autoconfigure.ServletJteAutoConfiguration;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import nl.veerkracht.VeerkrachtProperties;
import nl.veerkracht.security.SecurityConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/**
 * A web slice: one controller with MockMvc, the real security rules, message bundles and JTE
 * templates. Services and repositories are mocks or imported by the test. Use with
 * {@code @WebMvcTest(SomeController.class)}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Import(SecurityConfiguration.class)
@ImportAutoConfiguration({JteAutoConfiguration.class, ServletJteAutoConfiguration.class})
@EnableConfigurationProperties(VeerkrachtProperties.class)
public @interface WebSlice {}
