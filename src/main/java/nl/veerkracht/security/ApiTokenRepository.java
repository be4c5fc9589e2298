package nl.veerkracht.security;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The rows of {@code api_token}: only a token's SHA-256 is stored. {@link ApiTokens} holds the
 * rules.
 */
@Repository
class ApiTokenRepository {

  /** A live token's account, and whether it was already used today. */
  record Holder(long tokenId, String username, boolean usedToday) {}

  private final JdbcClient jdbc;

  ApiTokenRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long userId(String username) {
    return jdbc.sql("SELECT id FROM app_user WHERE username = :name")
        .param("name", username)
        .query(Long.class)
        .single();
  }

  int active(long userId) {
    return jdbc.sql("SELECT count(*) FROM api_token WHERE user_id = :user AND revoked_at IS NULL")
        .param("user", userId)
        .query(Integer.class)
        .single();
  }

  long insert(long userId, String name, byte[] hash) {
    return jdbc.sql(
            """
            INSERT INTO api_token (user_id, name, token_hash) VALUES (:user, :name, :hash)
            RETURNING id
            """)
        .param("user", userId)
        .param("name", name)
        .param("hash", hash)
        .query(Long.class)
        .single();
  }

  List<ApiTokens.TokenView> list(long userId) {
    return jdbc.sql(
            """
            SELECT id, name, created_at, last_used_on, revoked_at IS NOT NULL
              FROM api_token WHERE user_id = :user ORDER BY id
            """)
        .param("user", userId)
        .query(
            (rs, i) ->
                new ApiTokens.TokenView(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getTimestamp(3).toInstant(),
                    rs.getObject(4, LocalDate.class),
                    rs.getBoolean(5)))
        .list();
  }

  /** Revokes the account's own live token; false when it has no such token. */
  boolean revoke(long id, long userId) {
    return jdbc.sql(
                """
                UPDATE api_token SET revoked_at = now()
                 WHERE id = :id AND user_id = :user AND revoked_at IS NULL
                """)
            .param("id", id)
            .param("user", userId)
            .update()
        > 0;
  }

  /** The live token with this hash whose account is enabled. */
  Optional<Holder> holder(byte[] hash) {
    return jdbc.sql(
            """
            SELECT t.id, u.username, t.last_used_on IS NOT DISTINCT FROM current_date
              FROM api_token t JOIN app_user u ON u.id = t.user_id
             WHERE t.token_hash = :hash AND t.revoked_at IS NULL AND u.enabled
            """)
        .param("hash", hash)
        .query((rs, i) -> new Holder(rs.getLong(1), rs.getString(2), rs.getBoolean(3)))
        .optional();
  }

  /** Records today's first use; false when another request already did. */
  boolean markUsedToday(long id) {
    return jdbc.sql(
                """
                UPDATE api_token SET last_used_on = current_date
                 WHERE id = :id AND last_used_on IS DISTINCT FROM current_date
                """)
            .param("id", id)
            .update()
        > 0;
  }
}
