/** The client: registry client, TUF updater and publisher, trust dir, local image store. */
package io.trustyard.client;
