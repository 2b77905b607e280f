package dev.briefings.database;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The embedded database's passwords, when the installation gives them (application.properties, or
 * BRIEFINGS_DATABASE_PASSWORD and BRIEFINGS_DATABASE_OWNER_PASSWORD in the environment). A password not given is
 * taken from the passwords file beside the database, made at its first start.
 *
 * @param password      the application's user (BRIEFINGS, without admin rights)
 * @param ownerPassword the owner (SA, the admin), used only to set the database up
 */
@ConfigurationProperties("briefings.database")
record DatabaseProperties(String password, String ownerPassword) {

    @Override
    public String toString() {
        return "DatabaseProperties[password " + (password == null ? "not given" : "given") + ", owner's password "
                + (ownerPassword == null ? "not given" : "given") + "]";
    }
}
